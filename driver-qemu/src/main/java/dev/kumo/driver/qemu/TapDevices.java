package dev.kumo.driver.qemu;

import java.time.Duration;

/**
 * Makes sure an instance's tap exists and is up before QEMU attaches to it. The network driver normally
 * created it when the port was bound (and enslaved it to the network's bridge); creating a missing one here
 * means spawn never fails on ordering. Taps are never deleted here except one this spawn itself created.
 */
final class TapDevices {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private TapDevices() {}

    /** Ensures {@code name} exists and is up; true when this call created it. */
    static boolean ensure(String name) throws QemuException {
        boolean created = false;
        if (!exists(name)) {
            var add = HostCommand.run(TIMEOUT, "ip", "tuntap", "add", "dev", name, "mode", "tap");
            // another actor (the network driver) may have created it in between: that is success
            if (!add.succeeded() && !exists(name)) {
                add.orThrow("to create tap " + name);
            }
            created = add.succeeded();
        }
        HostCommand.run(TIMEOUT, "ip", "link", "set", "dev", name, "up").orThrow("to bring tap " + name + " up");
        return created;
    }

    static boolean exists(String name) {
        return HostCommand.run(TIMEOUT, "ip", "link", "show", "dev", name).succeeded();
    }

    static void delete(String name) throws QemuException {
        HostCommand.run(TIMEOUT, "ip", "tuntap", "del", "dev", name, "mode", "tap").orThrow("to delete tap " + name);
    }
}
