package dev.kumo.core.compute.action;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.ServerConverger;
import dev.kumo.core.compute.server.TaskState;
import dev.kumo.core.compute.server.VmState;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverException;
import java.time.Clock;
import java.util.Objects;

/**
 * Starts actions: checks the server's state allows the action (409 in Nova's words if not) and that it is
 * not locked, records the task in one transaction, and leaves the work to the converger. Console output and
 * lock/unlock/resetState are immediate.
 */
public final class ActionService {
    private final ComputeStore store;
    private final ServerConverger converger;
    private final VirtDriver driver;
    private final Clock clock;

    public ActionService(ComputeStore store, ServerConverger converger, VirtDriver driver, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.converger = Objects.requireNonNull(converger, "converger");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void run(ComputeCaller caller, String id, ServerAction action) {
        store.write(tx -> {
            Server s = find(tx.servers().find(id), caller, id);
            if (s.locked() && !caller.admin()) {
                throw ComputeErrors.conflict("Instance %s is locked", id);
            }
            if (s.taskState() != null) {
                throw ComputeErrors.conflict("Cannot '%s' instance %s while it is in task_state %s",
                        action.novaName(), id, s.taskState().wire());
            }
            if (!action.allowedFrom(s.vmState()) || s.host() == null) {
                throw ComputeErrors.conflict("Cannot '%s' instance %s while it is in vm_state %s",
                        action.novaName(), id, s.vmState().wire());
            }
            tx.servers().update(s.withState(s.vmState(), action.task(), s.powerState(), clock.instant()));
            converger.history().start(tx, caller, id, s.projectId(), action.novaName());
            return null;
        });
        converger.submit(id);
    }

    public void lock(ComputeCaller caller, String id, boolean locked) {
        store.write(tx -> {
            Server s = find(tx.servers().find(id), caller, id);
            tx.servers().update(s.withDetails(s.name(), s.description(), locked, s.metadata(), clock.instant()));
            converger.history().start(tx, caller, id, s.projectId(), locked ? "lock" : "unlock");
            return null;
        });
    }

    /** Admin only: sets vm_state to active or error and clears the task, as Nova's os-resetState does. */
    public void resetState(ComputeCaller caller, String id, String state) {
        if (!caller.admin()) {
            throw ComputeErrors.policy("os_compute_api:os-admin-actions:reset_state");
        }
        VmState target = switch (state == null ? "" : state) {
            case "active" -> VmState.ACTIVE;
            case "error" -> VmState.ERROR;
            default -> throw ComputeErrors.badRequest("Invalid input for field/attribute state. Value: %s. '%s' is not one of ['active', 'error']", state, state);
        };
        store.write(tx -> {
            Server s = find(tx.servers().find(id), caller, id);
            tx.servers().update(s.withState(target, null, s.powerState(), clock.instant()));
            converger.history().start(tx, caller, id, s.projectId(), "resetState");
            return null;
        });
    }

    /** Nova's instance actions of the servers. */
    public dev.kumo.core.compute.action.history.InstanceActionLog history() {
        return converger.history();
    }

    /** 404 unless the server exists and the caller may see it. */
    public void requireVisible(ComputeCaller caller, String id) {
        find(store.read(tx -> tx.servers().find(id)), caller, id);
    }

    /**
     * restore and forceDelete act on soft-deleted servers only. kumo deletes at once (Nova's default
     * reclaim_instance_interval of 0), so a server one can still see is never soft-deleted: 409 as Nova.
     */
    public void requireSoftDeleted(ComputeCaller caller, String id, String action) {
        Server s = find(store.read(tx -> tx.servers().find(id)), caller, id);
        throw ComputeErrors.conflict("Cannot '%s' instance %s while it is in vm_state %s", action, id, s.vmState().wire());
    }

    public String consoleOutput(ComputeCaller caller, String id, int length) {
        Server s = find(store.read(tx -> tx.servers().find(id)), caller, id);
        if (s.host() == null || s.vmState() == VmState.BUILDING || s.taskState() == TaskState.DELETING) {
            throw ComputeErrors.conflict("Cannot 'get_console_output' instance %s while it is in vm_state %s",
                    id, s.vmState().wire());
        }
        try {
            return driver.consoleOutput(new InstanceRef(id, s.host()), length);
        } catch (VirtDriverException e) {
            throw ComputeErrors.conflict("Guest does not have a console available: %s", e.getMessage());
        }
    }

    private static Server find(java.util.Optional<Server> found, ComputeCaller caller, String id) {
        return found.filter(s -> caller.owns(s.projectId()))
                .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
    }
}
