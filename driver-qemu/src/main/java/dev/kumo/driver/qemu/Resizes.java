package dev.kumo.driver.qemu;

import dev.kumo.spi.compute.SpawnRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A resize on the same host: the guest is powered down (ACPI, then hard stop), the overlay is grown with
 * {@code qemu-img resize} when the new root disk is larger (never shrunk: the guest's file system may use the
 * space), {@code launch.json} gets the new vCPUs and RAM, and a guest that ran starts again. If a step fails
 * the old launch is kept and a guest that ran is started with it again.
 */
final class Resizes {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Resizes.class);
    private static final Duration QEMU_IMG_TIMEOUT = Duration.ofMinutes(2);

    private Resizes() {}

    static void resize(GuestControl control, InstanceFiles files, SpawnRequest.FlavorSpec flavor,
                       Duration powerOffTimeout) throws QemuException {
        if (Files.exists(files.savedState())) {
            throw new QemuException("Failed to resize instance " + files.instanceId() + ": it is suspended");
        }
        QemuLaunch before = control.readLaunch(files);
        OptionalLong pid = QemuProcesses.running(files);
        if (pid.isPresent()) {
            control.powerDown(files, pid.getAsLong(), powerOffTimeout);
        }
        try {
            long wanted = flavor.rootDiskGb() * (1L << 30);
            if (wanted > RootDisks.virtualSize(files.disk(), "qcow2")) {
                HostCommand.run(QEMU_IMG_TIMEOUT, "qemu-img", "resize", "-q", "-f", "qcow2", files.disk().toString(),
                        Long.toString(wanted)).orThrow("to grow the root disk of instance " + files.instanceId());
            }
            QemuLaunch after = before.withSizes(flavor.vcpus(), flavor.memoryMb());
            control.writeLaunch(files, after);
            if (pid.isPresent()) {
                control.start(files, after, null);
            }
        } catch (QemuException e) {
            restoreQuietly(control, files, before, pid.isPresent());
            throw new QemuException("Failed to resize instance " + files.instanceId() + ": " + e.getMessage(), e);
        }
    }

    private static void restoreQuietly(GuestControl control, InstanceFiles files, QemuLaunch before, boolean start) {
        try {
            control.writeLaunch(files, before);
            if (start && QemuProcesses.running(files).isEmpty()) {
                control.start(files, before, null);
            }
        } catch (QemuException e) {
            LOG.warn("instance {}: restoring the launch after a failed resize failed: {}", files.instanceId(), e.getMessage());
        }
    }
}
