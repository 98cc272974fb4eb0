package dev.kumo.driver.qemu;

import dev.kumo.spi.compute.ConfigDriveSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** A config drive as Nova makes it: an ISO 9660 volume labelled {@code config-2}, Rock Ridge and Joliet names. */
final class ConfigDrives {
    private ConfigDrives() {}

    /** Writes the instance's files from {@code source} into {@code iso}; fails when there are none. */
    static void build(ConfigDriveSource source, String instanceId, Path iso) throws QemuException {
        Map<String, byte[]> files = source.files(instanceId);
        if (files.isEmpty()) {
            throw new QemuException("Failed to build the config drive of " + instanceId
                    + ": the metadata service has no data for it");
        }
        Path tree = iso.resolveSibling("config-drive.d");
        try {
            deleteTree(tree);
            for (var e : files.entrySet()) {
                Path file = tree.resolve(e.getKey()).normalize();
                if (!file.startsWith(tree)) {
                    throw new QemuException("Failed to build the config drive of " + instanceId + ": path " + e.getKey()
                            + " leaves the drive");
                }
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
            }
            HostCommand.run(Duration.ofSeconds(60), "genisoimage", "-quiet", "-o", iso.toString(), "-V", "config-2",
                    "-R", "-J", tree.toString()).orThrow("to build the config drive of " + instanceId);
        } catch (IOException e) {
            throw new QemuException("Failed to build the config drive of " + instanceId + ": " + e, e);
        } finally {
            deleteTree(tree);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // reported by the caller's check that the folder is gone
                }
            });
        } catch (IOException e) {
            // nothing to walk
        }
    }
}
