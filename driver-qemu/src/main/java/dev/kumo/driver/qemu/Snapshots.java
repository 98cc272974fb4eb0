package dev.kumo.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * A root-disk snapshot: {@code qemu-img convert} of the overlay (with its backing chain) into one standalone
 * qcow2. A running guest is paused first: QMP {@code stop} drains and flushes QEMU's block layer, so the file
 * is consistent while QEMU still holds it ({@code -U} reads despite QEMU's lock). The guest runs again after.
 */
final class Snapshots {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Snapshots.class);
    private static final Duration CONVERT_TIMEOUT = Duration.ofMinutes(30);

    private Snapshots() {}

    static void take(GuestControl control, InstanceFiles files, Path target) throws QemuException {
        boolean running = QemuProcesses.running(files).isPresent();
        boolean resume = running && control.execute(files, "query-status", Map.of()).path("status").asText().equals("running");
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            if (resume) {
                control.execute(files, "stop", Map.of());
            }
            HostCommand.run(CONVERT_TIMEOUT, "qemu-img", "convert", "-U", "-O", "qcow2", "-f", "qcow2",
                    files.disk().toString(), partial.toString()).orThrow("to snapshot instance " + files.instanceId());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new QemuException("Failed to snapshot instance " + files.instanceId() + ": " + e, e);
        } finally {
            deleteQuietly(partial);
            if (resume) {
                continueQuietly(control, files);
            }
        }
    }

    /** A failure to continue is logged, not thrown: it must not hide why the snapshot failed. */
    private static void continueQuietly(GuestControl control, InstanceFiles files) {
        try {
            control.execute(files, "cont", Map.of());
        } catch (QemuException e) {
            LOG.warn("instance {}: could not continue the guest after its snapshot: {}", files.instanceId(), e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover .part file is overwritten by the next snapshot
        }
    }
}
