package dev.kumo.core.compute.server;

/** Nova's task_state: the work pending on a server, which the converger carries out. */
public enum TaskState {
    SCHEDULING("scheduling"), NETWORKING("networking"), SPAWNING("spawning"), POWERING_OFF("powering-off"),
    POWERING_ON("powering-on"), REBOOTING("rebooting"), REBOOTING_HARD("rebooting_hard"), PAUSING("pausing"),
    UNPAUSING("unpausing"), SUSPENDING("suspending"), RESUMING("resuming"), DELETING("deleting"),
    IMAGE_SNAPSHOT("image_snapshot"), IMAGE_PENDING_UPLOAD("image_pending_upload"), IMAGE_UPLOADING("image_uploading"),
    REBUILDING("rebuilding"), REBUILD_SPAWNING("rebuild_spawning"),
    RESIZE_PREP("resize_prep"), RESIZE_FINISH("resize_finish"), RESIZE_REVERTING("resize_reverting"),
    RESIZE_CONFIRMING("resize_confirming");

    private final String wire;

    TaskState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static TaskState fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (TaskState s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown task_state " + value);
    }
}
