package dev.kumo.driver.qemu;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one instance's files live: {@code <state dir>/instances/<instance id>/}. Every name derives from the
 * instance id, so a restarted kumo finds them again and deleting the folder deletes the instance.
 */
record InstanceFiles(String instanceId, Path dir) {
    /** Instance ids become folder names: only these characters, so no id can name another path. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    /** The kernel's limit for a unix socket path (sun_path), without the terminating NUL. */
    static final int MAX_SOCKET_PATH = 107;
    /** Where sockets go when the instance folder's path is too long for them: short, and per boot like sockets. */
    private static final Path SHORT_SOCKET_ROOT = Path.of("/run/kumo/sockets");

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
        return socketDir().resolve("qmp.sock");
    }

    /** The serial console's unix socket (QEMU listens; kumo's websocket console connects). */
    Path serialSocket() {
        return socketDir().resolve("serial.sock");
    }

    /**
     * The folder of the unix sockets: the instance folder when their paths fit the kernel's 107 characters,
     * else a folder under {@code /run/kumo/sockets} named by a hash of the instance folder, so a state dir
     * anywhere (CI clones deep in a workspace) works and a restarted kumo finds the same sockets again.
     */
    Path socketDir() {
        Path absolute = dir.toAbsolutePath();
        if (absolute.resolve("serial.sock").toString().length() <= MAX_SOCKET_PATH) {
            return dir;
        }
        return SHORT_SOCKET_ROOT.resolve(hash(absolute.toString()));
    }

    boolean socketsElsewhere() {
        return !socketDir().equals(dir);
    }

    /** Creates the instance folder and, when they live elsewhere, the sockets' folder. */
    void createFolders() throws QemuException {
        try {
            Files.createDirectories(dir);
            if (socketsElsewhere()) {
                Files.createDirectories(socketDir());
            }
        } catch (java.io.IOException e) {
            throw new QemuException("Failed to create " + dir + ": " + e, e);
        }
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
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
}
