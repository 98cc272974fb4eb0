package dev.kumo.core.compute.action.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of an action (Nova's event, e.g. "compute_stop_instance"): {@code seq} orders the action's events;
 * {@code finishTime} and {@code result} ("Success" or "Error") are null while it runs; {@code traceback} says
 * why it failed; {@code host} is the compute host it ran on (empty before scheduling).
 */
public record ActionEvent(int seq, String event, Instant startTime, Instant finishTime, String result,
                          String traceback, String host) {
    public static final String SUCCESS = "Success";
    public static final String ERROR = "Error";

    public ActionEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(startTime, "startTime");
        host = host == null ? "" : host;
    }

    /** This event ended at {@code at}: Success when {@code failure} is null, else Error with it as the traceback. */
    public ActionEvent finished(Instant at, String failure, String onHost) {
        return new ActionEvent(seq, event, startTime, at, failure == null ? SUCCESS : ERROR, failure,
                onHost == null || onHost.isEmpty() ? host : onHost);
    }
}
