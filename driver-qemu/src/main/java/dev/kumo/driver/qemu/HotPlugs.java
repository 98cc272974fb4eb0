package dev.kumo.driver.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.compute.SpawnRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Interface hot-plug and unplug. A running guest gets the NIC at once ({@code netdev_add} of the port's tap, then
 * {@code device_add virtio-net-pci}) or loses it ({@code device_del}, waiting until the guest has let go of the
 * device, then {@code netdev_del}); either way {@code launch.json} gets the new NIC list, so the next power-on
 * or restart boots with it. A step that fails undoes the ones before it.
 */
final class HotPlugs {
    /** How long the guest may take to release an unplugged device (ACPI eject; slow under TCG). */
    static final Duration UNPLUG_TIMEOUT = Duration.ofSeconds(30);

    private HotPlugs() {}

    static void attach(GuestControl control, InstanceFiles files, SpawnRequest.NicSpec spec) throws QemuException {
        requireNotSuspended(files, "attach an interface to");
        QemuLaunch launch = control.readLaunch(files);
        String tap = DeviceNames.tap(spec.portId());
        if (launch.nics().stream().anyMatch(n -> n.tap().equals(tap))) {
            return;
        }
        try (Undo undo = Undo.open()) {
            if (TapDevices.ensure(tap)) {
                undo.push("delete tap " + tap, () -> TapDevices.delete(tap));
            }
            if (QemuProcesses.running(files).isPresent()) {
                plug(control, files, tap, spec.macAddress(), undo);
            }
            var nics = new ArrayList<>(launch.nics());
            nics.add(new QemuLaunch.Nic(tap, spec.macAddress()));
            control.writeLaunch(files, launch.withNics(nics));
            undo.commit();
        }
    }

    static void detach(GuestControl control, InstanceFiles files, String portId) throws QemuException {
        requireNotSuspended(files, "detach an interface from");
        QemuLaunch launch = control.readLaunch(files);
        String tap = DeviceNames.tap(portId);
        var nics = new ArrayList<>(launch.nics());
        if (!nics.removeIf(n -> n.tap().equals(tap))) {
            return;
        }
        if (QemuProcesses.running(files).isPresent()) {
            unplug(control, files, tap);
        }
        control.writeLaunch(files, launch.withNics(nics));
    }

    private static void plug(GuestControl control, InstanceFiles files, String tap, String mac, Undo undo)
            throws QemuException {
        Map<String, Object> netdev = new LinkedHashMap<>();
        netdev.put("type", "tap");
        netdev.put("id", QemuCommandLine.netdevId(tap));
        netdev.put("ifname", tap);
        netdev.put("script", "no");
        netdev.put("downscript", "no");
        control.execute(files, "netdev_add", netdev);
        undo.push("remove netdev of " + tap,
                () -> control.execute(files, "netdev_del", Map.of("id", QemuCommandLine.netdevId(tap))));
        control.execute(files, "device_add", Map.of("driver", "virtio-net-pci", "id", QemuCommandLine.deviceId(tap),
                "netdev", QemuCommandLine.netdevId(tap), "mac", mac));
        undo.push("unplug " + tap, () -> control.execute(files, "device_del", Map.of("id", QemuCommandLine.deviceId(tap))));
    }

    private static void unplug(GuestControl control, InstanceFiles files, String tap) throws QemuException {
        String device = QemuCommandLine.deviceId(tap);
        if (present(control, files, device)) {
            control.execute(files, "device_del", Map.of("id", device));
            awaitGone(control, files, device);
        }
        try {
            control.execute(files, "netdev_del", Map.of("id", QemuCommandLine.netdevId(tap)));
        } catch (QemuException e) {
            if (!e.getMessage().contains("not found")) {
                throw e;
            }
        }
    }

    /** Polls the machine's devices: DEVICE_DELETED is an event, and QMP connections here are one request each. */
    private static void awaitGone(GuestControl control, InstanceFiles files, String device) throws QemuException {
        Instant deadline = Instant.now().plus(UNPLUG_TIMEOUT);
        while (present(control, files, device)) {
            if (Instant.now().isAfter(deadline)) {
                throw new QemuException("Failed to detach interface " + device + " from instance " + files.instanceId()
                        + ": the guest did not release the device within " + UNPLUG_TIMEOUT.toSeconds()
                        + " s (does its kernel support ACPI PCI hot-plug?)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QemuException("Interrupted while waiting for instance " + files.instanceId()
                        + " to release " + device, e);
            }
        }
    }

    /** Whether the machine has a device of this id (the ids given with {@code -device}/{@code device_add}). */
    static boolean present(GuestControl control, InstanceFiles files, String device) throws QemuException {
        JsonNode children = control.execute(files, "qom-list", Map.of("path", "/machine/peripheral"));
        for (JsonNode child : children) {
            if (child.path("name").asText().equals(device)) {
                return true;
            }
        }
        return false;
    }

    private static void requireNotSuspended(InstanceFiles files, String action) throws QemuException {
        if (Files.exists(files.savedState())) {
            // the saved memory describes the devices of the suspend: a changed NIC list could not be restored
            throw new QemuException("Failed to " + action + " instance " + files.instanceId() + ": it is suspended");
        }
    }
}
