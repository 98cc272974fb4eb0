package dev.kumo.core.compute.action;

import dev.kumo.core.compute.server.TaskState;
import dev.kumo.core.compute.server.VmState;
import java.util.Set;

/** An action that runs through the converger: Nova's name for it, the states it may start from, its task. */
public enum ServerAction {
    STOP("stop", Set.of(VmState.ACTIVE, VmState.ERROR), TaskState.POWERING_OFF),
    START("start", Set.of(VmState.STOPPED), TaskState.POWERING_ON),
    REBOOT("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR), TaskState.REBOOTING),
    HARD_REBOOT("reboot", Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR), TaskState.REBOOTING_HARD),
    PAUSE("pause", Set.of(VmState.ACTIVE), TaskState.PAUSING),
    UNPAUSE("unpause", Set.of(VmState.PAUSED), TaskState.UNPAUSING),
    SUSPEND("suspend", Set.of(VmState.ACTIVE), TaskState.SUSPENDING),
    RESUME("resume", Set.of(VmState.SUSPENDED), TaskState.RESUMING);

    private final String novaName;
    private final Set<VmState> from;
    private final TaskState task;

    ServerAction(String novaName, Set<VmState> from, TaskState task) {
        this.novaName = novaName;
        this.from = from;
        this.task = task;
    }

    public String novaName() {
        return novaName;
    }

    public boolean allowedFrom(VmState state) {
        return from.contains(state);
    }

    public TaskState task() {
        return task;
    }
}
