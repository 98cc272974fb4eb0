package dev.kumo.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One guest: a qcow2 overlay on the built-in image, booted by QEMU under TCG (KVM does not boot
 * normal guests on these hosts) from its disk like any cloud image, one virtio NIC on a pre-created
 * tap, optional extra read-only disks (a config drive), the serial console in a file and QMP on a
 * unix socket. QEMU runs inside the lab namespace, daemonized, and is stopped by its pid.
 */
final class QemuGuest implements AutoCloseable {
    private static final int MEMORY_MIB = 256;
    /** QEMU 7.2's TCG translation cache defaults to 1 GiB of RSS per guest. */
    private static final int TCG_CACHE_MIB = 64;

    private final String name;
    private final Path dir;
    private final long pid;
    private final long launchedAtNanos;

    private QemuGuest(String name, Path dir, long pid, long launchedAtNanos) {
        this.name = Objects.requireNonNull(name, "name");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.pid = pid;
        this.launchedAtNanos = launchedAtNanos;
    }

    /** A read-only extra disk (a config drive) and how it is attached. */
    record ExtraDisk(Path file, Bus bus) {
        ExtraDisk {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(bus, "bus");
        }
    }

    /**
     * Debian's cloud kernel has virtio and PIIX IDE drivers but no AHCI: on q35 (SATA only) a
     * config drive must be a virtio disk; on pc it can be an IDE cdrom, as Nova attaches it there.
     */
    enum Bus { VIRTIO_DISK, IDE_CDROM }

    /** A NIC: the tap it is plugged into and the MAC the guest sees (the DHCP lease is keyed by it). */
    record Nic(String tap, String mac) {
        Nic {
            Objects.requireNonNull(tap, "tap");
            Objects.requireNonNull(mac, "mac");
        }
    }

    /** Boots a q35 guest. */
    static QemuGuest launch(LabNetwork lab, String name, Path baseImage, Nic nic, List<ExtraDisk> extraDisks) {
        return launch(lab, name, "q35", baseImage, nic, extraDisks);
    }

    static QemuGuest launch(LabNetwork lab, String name, String machine, Path baseImage, Nic nic, List<ExtraDisk> extraDisks) {
        Path dir = lab.dir().resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path overlay = dir.resolve("disk.qcow2");
        HostCommand.run(Duration.ofSeconds(30), "qemu-img", "create", "-q", "-f", "qcow2", "-b", baseImage.toString(),
                "-F", "qcow2", overlay.toString()).orThrow();
        lab.addTap(nic.tap());
        long launchedAt = System.nanoTime();
        HostCommand.run(Duration.ofSeconds(30), lab.inNamespace(commandLine(name, machine, dir, overlay, nic, extraDisks))).orThrow();
        try {
            long pid = Long.parseLong(Files.readString(dir.resolve("qemu.pid")).strip());
            return new QemuGuest(name, dir, pid, launchedAt);
        } catch (IOException e) {
            throw new UncheckedIOException("QEMU for " + name + " wrote no pid file", e);
        }
    }

    static List<String> commandLine(String name, String machine, Path dir, Path overlay, Nic nic, List<ExtraDisk> extraDisks) {
        List<String> command = new ArrayList<>(List.of("qemu-system-x86_64", "-name", name, "-nodefaults",
                "-machine", machine, "-accel", "tcg,tb-size=" + TCG_CACHE_MIB, "-m", Integer.toString(MEMORY_MIB),
                "-netdev", "tap,id=net0,ifname=" + nic.tap() + ",script=no,downscript=no",
                "-device", "virtio-net-pci,netdev=net0,mac=" + nic.mac(),
                "-drive", "file=" + overlay + ",if=virtio,format=qcow2"));
        for (ExtraDisk disk : extraDisks) {
            String attach = disk.bus() == Bus.IDE_CDROM ? "if=ide,media=cdrom" : "if=virtio";
            command.addAll(List.of("-drive", "file=" + disk.file() + "," + attach + ",format=raw,readonly=on"));
        }
        command.addAll(List.of("-serial", "file:" + dir.resolve("console.log"), "-display", "none",
                "-qmp", "unix:" + dir.resolve("qmp.sock") + ",server=on,wait=off",
                "-daemonize", "-pidfile", dir.resolve("qemu.pid").toString()));
        return command;
    }

    ConsoleLog console() {
        return new ConsoleLog(dir.resolve("console.log"));
    }

    QmpClient qmp() {
        return QmpClient.connect(dir.resolve("qmp.sock"));
    }

    boolean running() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Seconds since QEMU was started. */
    double secondsSinceLaunch() {
        return (System.nanoTime() - launchedAtNanos) / 1e9;
    }

    /** Presses the ACPI power button and waits for QEMU to exit; returns how long that took. */
    Duration powerDown(Duration timeout) {
        long started = System.nanoTime();
        try (QmpClient qmp = qmp()) {
            qmp.execute("system_powerdown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = started + timeout.toNanos();
        while (running()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("QEMU " + name + " still runs " + timeout.toSeconds()
                        + " s after system_powerdown; console ends with:\n" + console().tail());
            }
            pause();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return "QEMU " + name + " (pid " + pid + ")";
    }
}
