package dev.kumo.driver.qemu;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the QEMU driver runs guests.
 *
 * @param stateDir          kumo's state dir; guests live under {@code <stateDir>/instances}
 * @param hostName          the one compute host this driver reports
 * @param machine           QEMU machine type ({@code pc}: boots Debian's cloud kernel fastest, IDE for config drives)
 * @param tcgCacheMb        TCG translation cache per guest ({@code tb-size}); QEMU 7.2's default is 1 GiB
 * @param powerOffTimeout   how long an ACPI power-down may take before QEMU is stopped hard
 * @param probeImage        a bootable image the KVM probe boots (the built-in guest), or null (then: TCG)
 * @param probeTimeout      how long the KVM probe guest gets to print its first console line
 * @param consoleLimitBytes a console log above this size is rotated at the next (re)start
 * @param kvmDevice         normally {@code /dev/kvm}
 */
public record QemuSettings(Path stateDir, String hostName, String machine, int tcgCacheMb, Duration powerOffTimeout,
                           Path probeImage, Duration probeTimeout, long consoleLimitBytes, Path kvmDevice) {
    public QemuSettings {
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(powerOffTimeout, "powerOffTimeout");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        Objects.requireNonNull(kvmDevice, "kvmDevice");
    }

    /** Defaults: pc machine, 64 MiB TCG cache, 60 s ACPI power-down (Nova's shutdown_timeout), 5 s KVM probe, 1 MiB log. */
    public static QemuSettings defaults(Path stateDir, String hostName, Path probeImage) {
        return new QemuSettings(stateDir, hostName, "pc", 64, Duration.ofSeconds(60), probeImage,
                Duration.ofSeconds(5), 1 << 20, Path.of("/dev/kvm"));
    }

    public QemuSettings withPowerOffTimeout(Duration timeout) {
        return new QemuSettings(stateDir, hostName, machine, tcgCacheMb, timeout, probeImage, probeTimeout,
                consoleLimitBytes, kvmDevice);
    }

    Path instancesRoot() {
        return stateDir.resolve("instances");
    }
}
