package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import java.util.Optional;
import java.util.Set;

/**
 * Nova's checks before an action starts, in its words: the server is visible (404), not locked when the action
 * honours locks (409), has no task and is in a vm_state the action starts from (409).
 */
final class ActionStates {
    private ActionStates() {}

    static Server require(Optional<Server> found, ComputeCaller caller, String id, String action, Set<VmState> from,
                          boolean honoursLock) {
        Server s = found.filter(x -> caller.owns(x.projectId()))
                .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
        if (honoursLock && s.locked() && !caller.admin()) {
            throw ComputeErrors.conflict("Instance %s is locked", id);
        }
        if (s.taskState() != null) {
            throw ComputeErrors.conflict("Cannot '%s' instance %s while it is in task_state %s", action, id,
                    s.taskState().wire());
        }
        if (!from.contains(s.vmState()) || s.host() == null) {
            throw ComputeErrors.conflict("Cannot '%s' instance %s while it is in vm_state %s", action, id,
                    s.vmState().wire());
        }
        return s;
    }
}
