package dev.kumo.core.compute.action.history;

/** An event begun and not yet finished: which action it belongs to, and the event as recorded at its start. */
public record OpenEvent(String instanceUuid, String requestId, ActionEvent event) {}
