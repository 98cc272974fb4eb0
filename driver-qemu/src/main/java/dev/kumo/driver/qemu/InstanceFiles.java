package dev.kumo.driver.qemu;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one instance's files live: {@code <state dir>/instances/<instance id>/}. Every name derives from the
 * instance id, so a restarted kumo finds them again and deleting the folder deletes the instance.
 */
record InstanceFiles(String instanceId, Path dir) {
    /** Instance ids become folder names: only these characters, so no id can name another path. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    /** The kernel's limit for a unix socket path (sun_path), including the terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;

    InstanceFiles {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(dir, "dir");
    }

    static boolean validId(String id) {
        return SAFE_ID.matcher(id).matches();
    }

    static InstanceFiles of(Path instancesRoot, String instanceId) {
        if (!validId(instanceId)) {
            throw new IllegalArgumentException("not a valid instance id: " + instanceId);
        }
        return new InstanceFiles(instanceId, instancesRoot.resolve(instanceId));
    }

    Path disk() {
        return dir.resolve("disk.qcow2");
    }

    Path pidFile() {
        return dir.resolve("qemu.pid");
    }

    Path qmpSocket() {
        return dir.resolve("qmp.sock");
    }

    /** The serial console's unix socket (QEMU listens; kumo's websocket console connects). */
    Path serialSocket() {
        return dir.resolve("serial.sock");
    }

    Path consoleLog() {
        return dir.resolve("console.log");
    }

    /** The previous console log, kept once when the current one grew past the bound. */
    Path previousConsoleLog() {
        return dir.resolve("console.log.0");
    }

    Path configDrive() {
        return dir.resolve("config-drive.iso");
    }

    /** The guest's launch description: written last by spawn, so its presence means the spawn completed. */
    Path launchFile() {
        return dir.resolve("launch.json");
    }

    /** The guest's memory saved by suspend; its presence means the instance is suspended. */
    Path savedState() {
        return dir.resolve("suspended.state");
    }

    /** Fails early with a clear message instead of QEMU's when the socket path is too long for the kernel. */
    void checkSocketPath() throws QemuException {
        if (qmpSocket().toString().length() > MAX_SOCKET_PATH) {
            throw new QemuException("Failed to prepare instance " + instanceId + ": the QMP socket path "
                    + qmpSocket() + " is longer than " + MAX_SOCKET_PATH + " characters; use a shorter state dir");
        }
    }
}
