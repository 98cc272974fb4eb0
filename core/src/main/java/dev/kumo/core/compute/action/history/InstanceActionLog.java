package dev.kumo.core.compute.action.history;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ComputeTx;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Records and reads Nova's instance actions. An action is recorded once its checks passed (in the transaction
 * that accepted it where the caller has one), before the converger can run a step of it; the converger then
 * records an event per step ({@link #begin}, {@link #finish}). Reading follows the server's visibility: the
 * caller must be able to see the server (404 otherwise), and a deleted server's actions are readable only when
 * the caller asks for them ({@code deletedToo}, Nova's 2.21).
 */
public final class InstanceActionLog {
    private final ComputeStore store;
    private final Clock clock;

    public InstanceActionLog(ComputeStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records that the caller asked for {@code action} on the server of {@code serverProject}, inside {@code tx}. */
    public void start(ComputeTx tx, ComputeCaller caller, String serverId, String serverProject, String action) {
        var now = clock.instant();
        String requestId = caller.requestId() != null ? caller.requestId() : "req-" + UUID.randomUUID();
        String project = caller.projectId() != null ? caller.projectId() : serverProject;
        tx.actions().insert(new InstanceAction(serverId, requestId, action, serverProject, caller.userId(), project,
                now, now, null, List.of()));
    }

    /** As {@link #start(ComputeTx, ComputeCaller, String, String, String)} in a transaction of its own. */
    public void start(ComputeCaller caller, String serverId, String serverProject, String action) {
        store.write(tx -> {
            start(tx, caller, serverId, serverProject, action);
            return null;
        });
    }

    /**
     * Begins an event of the server's newest action among {@code actions}, named by {@code eventOf} from the
     * action's name. Nothing is written until {@link #finish}: one write per step, because a burst of creates
     * waits on the database's writes (the cost: a running event is not visible until its step ends).
     */
    public OpenEvent begin(String serverId, Collection<String> actions, UnaryOperator<String> eventOf, String host) {
        return new OpenEvent(serverId, List.copyOf(actions), eventOf, host, clock.instant());
    }

    /**
     * Ends the event: Success, or Error with {@code failure} (and the action's message becomes "Error"). A step
     * that continues the event of the previous step (creating's network and spawn steps are both Nova's
     * compute__do_build_and_run_instance) extends it. Nothing is recorded for a server without such an action
     * (one from before kumo kept actions).
     */
    public void finish(OpenEvent open, String failure, String host) {
        store.write(tx -> {
            finish(tx, open, failure, host);
            return null;
        });
    }

    /** As {@link #finish(OpenEvent, String, String)} inside the step's own transaction: one write fewer per step. */
    public void finish(ComputeTx tx, OpenEvent open, String failure, String host) {
        var now = clock.instant();
        String server = open.instanceUuid();
        tx.actions().latest(server, open.actions())
                .flatMap(requestId -> tx.actions().find(server, requestId)).map(action -> {
                    String event = open.eventOf().apply(action.action());
                    var last = action.events().stream().findFirst()
                            .filter(e -> e.event().equals(event) && ActionEvent.SUCCESS.equals(e.result()));
                    if (last.isPresent()) {
                        tx.actions().updateEvent(server, action.requestId(), last.get().finished(now, failure, host));
                    } else {
                        var started = new ActionEvent(0, event, open.startTime(), null, null, null, open.host());
                        tx.actions().addEvent(server, action.requestId(), started.finished(now, failure, host));
                    }
                    tx.actions().touch(server, action.requestId(), now, failure == null ? null : ActionEvent.ERROR);
                    return action;
                });
    }

    /**
     * An action done while the caller waits (attach_interface): recorded, its one event around {@code work};
     * the work's failure is the event's and is rethrown.
     */
    public <T> T recorded(ComputeCaller caller, String serverId, String serverProject, String action, String event,
                          String host, Supplier<T> work) {
        start(caller, serverId, serverProject, action);
        var open = begin(serverId, List.of(action), a -> event, host);
        try {
            T result = work.get();
            finish(open, null, host);
            return result;
        } catch (RuntimeException e) {
            finish(open, e.getMessage() == null ? e.toString() : e.getMessage(), host);
            throw e;
        }
    }

    /** The server's actions, newest first; 400 if the marker is not one of its request ids. */
    public List<InstanceAction> list(ComputeCaller caller, String serverId, boolean deletedToo, ActionPage page) {
        return store.read(tx -> {
            requireVisible(tx, caller, serverId, deletedToo);
            if (page.marker() != null && tx.actions().find(serverId, page.marker()).isEmpty()) {
                throw ComputeErrors.badRequest("Marker %s could not be found.", page.marker());
            }
            return tx.actions().list(serverId, page);
        });
    }

    /** One action with its events; 404 if the server has no action of that request. */
    public InstanceAction get(ComputeCaller caller, String serverId, boolean deletedToo, String requestId) {
        return store.read(tx -> {
            requireVisible(tx, caller, serverId, deletedToo);
            return tx.actions().find(serverId, requestId)
                    .orElseThrow(() -> ComputeErrors.notFound("Action %s not found", requestId));
        });
    }

    /** The server's project (for hostId), once the caller may see it. */
    private static String requireVisible(ComputeTx tx, ComputeCaller caller, String serverId, boolean deletedToo) {
        Optional<String> project = tx.servers().find(serverId).map(s -> s.projectId());
        if (project.isEmpty() && deletedToo) {
            project = tx.actions().instanceProject(serverId);
        }
        return project.filter(caller::owns)
                .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", serverId));
    }
}
