package dev.kumo.core.compute.server;

import dev.kumo.core.compute.action.history.InstanceActionLog;
import dev.kumo.core.compute.action.history.OpenEvent;
import dev.kumo.core.compute.store.ComputeTx;
import java.util.List;

/**
 * The instance-action event of each converger step, under Nova's event names: which actions a task belongs to
 * and what Nova calls the work. Steps of one Nova event (network then spawn while building) share it.
 */
final class StepEvents {
    private final InstanceActionLog log;

    StepEvents(InstanceActionLog log) {
        this.log = log;
    }

    /** Begins the event of the server's current step (recorded when it ends). */
    OpenEvent begin(Server s) {
        TaskState task = s.taskState();
        return log.begin(s.id(), actions(task), action -> event(task, action), s.host());
    }

    /** Ends it: {@code failure} null for success; {@code host} where the step ran (known after scheduling). */
    void finish(OpenEvent open, String failure, String host) {
        log.finish(open, failure, host);
    }

    /** Ends it inside the step's own write transaction. */
    void finish(ComputeTx tx, OpenEvent open, String failure, String host) {
        log.finish(tx, open, failure, host);
    }

    static List<String> actions(TaskState task) {
        return switch (task) {
            case SCHEDULING, NETWORKING, SPAWNING -> List.of("create");
            case DELETING -> List.of("delete");
            case POWERING_OFF -> List.of("stop");
            case POWERING_ON -> List.of("start");
            case REBOOTING, REBOOTING_HARD -> List.of("reboot");
            case PAUSING -> List.of("pause");
            case UNPAUSING -> List.of("unpause");
            case SUSPENDING -> List.of("suspend");
            case RESUMING -> List.of("resume");
            case IMAGE_SNAPSHOT, IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING -> List.of("createImage", "createBackup");
            case REBUILDING, REBUILD_SPAWNING -> List.of("rebuild");
            case RESIZE_PREP, RESIZE_FINISH -> List.of("resize");
            case RESIZE_CONFIRMING -> List.of("confirmResize");
            case RESIZE_REVERTING -> List.of("revertResize");
        };
    }

    static String event(TaskState task, String action) {
        if (action.equals("createBackup")) {
            return "compute_backup_instance";
        }
        return switch (task) {
            case SCHEDULING -> "conductor_schedule_and_build_instances";
            case NETWORKING, SPAWNING -> "compute__do_build_and_run_instance";
            case DELETING -> "compute_terminate_instance";
            case POWERING_OFF -> "compute_stop_instance";
            case POWERING_ON -> "compute_start_instance";
            case REBOOTING, REBOOTING_HARD -> "compute_reboot_instance";
            case PAUSING -> "compute_pause_instance";
            case UNPAUSING -> "compute_unpause_instance";
            case SUSPENDING -> "compute_suspend_instance";
            case RESUMING -> "compute_resume_instance";
            case IMAGE_SNAPSHOT, IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING -> "compute_snapshot_instance";
            case REBUILDING, REBUILD_SPAWNING -> "compute_rebuild_instance";
            case RESIZE_PREP, RESIZE_FINISH -> "compute_resize_instance";
            case RESIZE_CONFIRMING -> "compute_confirm_resize";
            case RESIZE_REVERTING -> "compute_revert_resize";
        };
    }
}
