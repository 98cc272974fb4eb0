package dev.kumo.driver.qemu;

import dev.kumo.spi.compute.HostCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * This machine as one compute host: its cores, MemTotal and the state dir's file system, and what each guest
 * costs beyond its RAM: QEMU itself (about 50 MiB measured, shared/facts/dataplane.md) plus, under TCG, the
 * translation cache ({@code tb-size}).
 */
final class HostResources {
    /** The RSS of a QEMU process beyond the guest's RAM and the TCG cache. */
    static final long QEMU_OVERHEAD_MB = 50;

    private HostResources() {}

    static HostCapabilities of(String host, Path stateDir, Accelerator accelerator, int tcgCacheMb) {
        return new HostCapabilities(host, "QEMU", "nova", Runtime.getRuntime().availableProcessors(), memTotalMb(),
                diskGb(stateDir), Set.of(accelerator.name(), "snapshot", "serial-console", "config-drive"),
                guestOverheadMb(accelerator, tcgCacheMb));
    }

    static long guestOverheadMb(Accelerator accelerator, int tcgCacheMb) {
        return QEMU_OVERHEAD_MB + (accelerator.name().equals("kvm") ? 0 : tcgCacheMb);
    }

    static long memTotalMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the JVM's view
        }
        return Runtime.getRuntime().maxMemory() >> 20;
    }

    private static long diskGb(Path stateDir) {
        try {
            return Files.getFileStore(stateDir).getTotalSpace() >> 30;
        } catch (IOException e) {
            return 0;
        }
    }
}
