package dev.kumo.core.compute.action.history;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An event begun and not yet recorded: the server, the actions it may belong to (the newest of them when it
 * ends), how the event is named after the action, the host it runs on, and when it started.
 */
public record OpenEvent(String instanceUuid, List<String> actions, UnaryOperator<String> eventOf, String host,
                        Instant startTime) {}
