package dev.kumo.core.compute.store;

import dev.kumo.core.compute.action.history.ActionEvent;
import dev.kumo.core.compute.action.history.ActionPage;
import dev.kumo.core.compute.action.history.InstanceAction;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Instance actions and their events; they outlive the server (nothing here is deleted with it). */
public interface InstanceActionRepository {
    /** Records a new action (its events are ignored); false if the server already has one of that request. */
    boolean insert(InstanceAction action);

    /** The server's actions without events, newest first. Empty if the marker is not one of them (see {@link #find}). */
    List<InstanceAction> list(String instanceUuid, ActionPage page);

    /** One action with its events, newest event first. */
    Optional<InstanceAction> find(String instanceUuid, String requestId);

    /** The project of the server the actions were recorded for, known as long as any action is. */
    Optional<String> instanceProject(String instanceUuid);

    /** The request id of the server's newest action among {@code names}. */
    Optional<String> latest(String instanceUuid, Collection<String> names);

    /** Adds an event with the next seq of the action, which it returns. */
    int addEvent(String instanceUuid, String requestId, ActionEvent event);

    /** Replaces the event of the same seq. */
    void updateEvent(String instanceUuid, String requestId, ActionEvent event);

    /** Sets updated_at, and the message unless it is null. */
    void touch(String instanceUuid, String requestId, Instant updatedAt, String message);
}
