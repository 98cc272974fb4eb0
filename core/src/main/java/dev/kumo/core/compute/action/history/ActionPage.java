package dev.kumo.core.compute.action.history;

import java.time.Instant;

/**
 * Which of a server's actions to list (2.58+): changed at or after {@code changesSince}, at or before
 * {@code changesBefore} (2.66), after the action whose request id is {@code marker}, at most {@code limit}
 * (0: no limit). Any part may be null.
 */
public record ActionPage(Instant changesSince, Instant changesBefore, String marker, int limit) {
    public static final ActionPage ALL = new ActionPage(null, null, null, 0);
}
