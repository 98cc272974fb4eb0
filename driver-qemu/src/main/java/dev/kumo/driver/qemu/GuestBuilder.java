package dev.kumo.driver.qemu;

import dev.kumo.spi.compute.ConfigDriveSource;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.network.DeviceNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Spawn's steps: folder, root disk overlay, kernel files, config drive, taps, QEMU, launch record. Each step
 * pushes its undo, so a failure at any point leaves nothing behind (no folder, no process, no tap this spawn
 * created). The launch record is written last: its presence marks a complete spawn.
 */
final class GuestBuilder {
    private final QemuSettings settings;
    private final GuestControl control;
    private final RootDisks disks;
    private final ConfigDriveSource configDrives;
    private final Supplier<Accelerator> accelerator;

    GuestBuilder(QemuSettings settings, GuestControl control, ConfigDriveSource configDrives,
                 Supplier<Accelerator> accelerator) {
        this.settings = settings;
        this.control = control;
        this.disks = new RootDisks(settings.instancesRoot().resolve("_base"));
        this.configDrives = configDrives;
        this.accelerator = accelerator;
    }

    void build(SpawnRequest request, InstanceFiles files) throws QemuException {
        try (Undo undo = Undo.open()) {
            files.createFolders();
            undo.push("delete " + files.dir(), () -> deleteFolders(files));
            SpawnRequest.ImageSpec image = request.image();
            if (image.path() == null) {
                throw new QemuException("Failed to spawn instance " + files.instanceId() + ": image " + image.id()
                        + " has no data on this host");
            }
            String format = image.diskFormat() == null ? "qcow2" : image.diskFormat();
            Path base = disks.cachedBase(image.id(), Path.of(image.path()));
            disks.createOverlay(base, format, files.disk(), request.flavor().rootDiskGb());
            String kernel = copyIfPresent(image.kernelPath(), files.dir().resolve("kernel"));
            String initrd = copyIfPresent(image.ramdiskPath(), files.dir().resolve("ramdisk"));
            String configDrive = null;
            if (request.configDrive()) {
                ConfigDrives.build(configDrives, files.instanceId(), files.configDrive());
                configDrive = files.configDrive().toString();
            }
            List<QemuLaunch.Nic> nics = plugTaps(request, undo);
            QemuLaunch launch = new QemuLaunch(files.instanceId(), request.name(), Math.max(1, request.flavor().vcpus()),
                    Math.max(64, request.flavor().memoryMb()), accelerator.get().name(), settings.tcgCacheMb(),
                    settings.machine(), files.disk().toString(), kernel, initrd, image.kernelArgs(), nics, configDrive);
            long pid = control.start(files, launch, null);
            undo.push("stop QEMU " + pid, () -> control.quit(files, pid));
            control.writeLaunch(files, launch);
            undo.commit();
        }
    }

    /** Deletes the instance folder and, when they live elsewhere, the sockets' folder. */
    static void deleteFolders(InstanceFiles files) {
        ConfigDrives.deleteTree(files.dir());
        if (files.socketsElsewhere()) {
            ConfigDrives.deleteTree(files.socketDir());
        }
    }

    private List<QemuLaunch.Nic> plugTaps(SpawnRequest request, Undo undo) throws QemuException {
        List<QemuLaunch.Nic> nics = new ArrayList<>();
        for (SpawnRequest.NicSpec nic : request.nics()) {
            String tap = DeviceNames.tap(nic.portId());
            if (TapDevices.ensure(tap)) {
                undo.push("delete tap " + tap, () -> TapDevices.delete(tap));
            }
            nics.add(new QemuLaunch.Nic(tap, nic.macAddress()));
        }
        return nics;
    }

    /** Kernel and ramdisk are copied into the instance, so a later change to those images cannot break it. */
    private static String copyIfPresent(String source, Path target) throws QemuException {
        if (source == null) {
            return null;
        }
        try {
            Files.copy(Path.of(source), target);
            return target.toString();
        } catch (IOException e) {
            throw new QemuException("Failed to copy " + source + " into the instance: " + e, e);
        }
    }
}
