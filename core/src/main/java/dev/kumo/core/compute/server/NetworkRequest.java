package dev.kumo.core.compute.server;

/** One entry of {@code networks}: a network (optionally with a fixed IP) or an existing port. */
public record NetworkRequest(String networkId, String portId, String fixedIp) {}
