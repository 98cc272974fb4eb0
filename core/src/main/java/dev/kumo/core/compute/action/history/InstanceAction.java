package dev.kumo.core.compute.action.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One action on a server as Nova records it: its name ("create", "stop", "confirmResize"...), the request that
 * asked for it, who asked (user and project), when it started, when it last changed, and "Error" as its
 * message once an event failed. {@code instanceProjectId} is the server's project, which decides who may read
 * the action (also after the server is gone). {@code events} is empty unless read with them, newest first.
 */
public record InstanceAction(String instanceUuid, String requestId, String action, String instanceProjectId,
                             String userId, String projectId, Instant startTime, Instant updatedAt, String message,
                             List<ActionEvent> events) {
    public InstanceAction {
        Objects.requireNonNull(instanceUuid, "instanceUuid");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(instanceProjectId, "instanceProjectId");
        events = events == null ? List.of() : List.copyOf(events);
    }

    public InstanceAction withEvents(List<ActionEvent> all) {
        return new InstanceAction(instanceUuid, requestId, action, instanceProjectId, userId, projectId, startTime,
                updatedAt, message, all);
    }
}
