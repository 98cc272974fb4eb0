package dev.kumo.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * Suspend saves the guest's memory and device state to {@code suspended.state} (QMP migrate to a file through
 * {@code exec:cat}; QEMU 7.2 has no {@code file:} migration) and ends QEMU; resume starts the same launch with
 * {@code -incoming} from that file and continues the guest. The file's presence is the SUSPENDED state.
 */
final class Suspension {
    private static final Duration SAVE_TIMEOUT = Duration.ofMinutes(2);

    private final GuestControl control;

    Suspension(GuestControl control) {
        this.control = control;
    }

    void suspend(InstanceFiles files, long pid) throws QemuException {
        String before = control.execute(files, "query-status", Map.of()).path("status").asText();
        try {
            control.execute(files, "stop", Map.of());
            control.execute(files, "migrate", Map.of("uri", "exec:cat > " + files.savedState()));
            awaitMigration(files);
        } catch (QemuException e) {
            deleteState(files);
            if (before.equals("running")) {
                control.execute(files, "cont", Map.of());
            }
            throw new QemuException("Failed to suspend instance " + files.instanceId() + ": " + e.getMessage(), e);
        }
        control.quit(files, pid);
    }

    void resume(InstanceFiles files) throws QemuException {
        QemuLaunch launch = control.readLaunch(files);
        long pid = control.start(files, launch, files.savedState());
        try {
            long deadline = System.nanoTime() + SAVE_TIMEOUT.toNanos();
            while (true) {
                String status = control.execute(files, "query-status", Map.of()).path("status").asText();
                if (status.equals("running")) {
                    break;
                }
                if (!status.equals("inmigrate")) {
                    // the saved guest was stopped before saving, so it arrives paused: continue it
                    control.execute(files, "cont", Map.of());
                } else if (System.nanoTime() > deadline) {
                    throw new QemuException("Failed to resume instance " + files.instanceId()
                            + ": restoring its memory took longer than " + SAVE_TIMEOUT.toSeconds() + " s");
                }
                QemuProcesses.sleep(100);
            }
        } catch (QemuException e) {
            control.quit(files, pid);
            throw e;
        }
        deleteState(files);
    }

    private void awaitMigration(InstanceFiles files) throws QemuException {
        long deadline = System.nanoTime() + SAVE_TIMEOUT.toNanos();
        while (true) {
            var info = control.execute(files, "query-migrate", Map.of());
            String status = info.path("status").asText();
            if (status.equals("completed")) {
                return;
            }
            if (status.equals("failed") || status.equals("cancelled")) {
                throw new QemuException("saving memory " + status + ": " + info.path("error-desc").asText());
            }
            if (System.nanoTime() > deadline) {
                control.execute(files, "migrate_cancel", Map.of());
                throw new QemuException("saving memory took longer than " + SAVE_TIMEOUT.toSeconds() + " s");
            }
            QemuProcesses.sleep(100);
        }
    }

    private static void deleteState(InstanceFiles files) {
        try {
            Files.deleteIfExists(files.savedState());
        } catch (IOException e) {
            // a leftover state file only makes the instance look suspended; the next resume replaces it
        }
    }
}
