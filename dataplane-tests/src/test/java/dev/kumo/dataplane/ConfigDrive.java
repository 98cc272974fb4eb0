package dev.kumo.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A config drive as Nova makes it: an ISO 9660 volume labelled {@code config-2} with the OpenStack tree. */
final class ConfigDrive {
    private ConfigDrive() {}

    static Path build(Path dir, GuestIdentity guest) {
        Path tree = dir.resolve("config-drive");
        Path iso = dir.resolve("config-drive.iso");
        try {
            Files.createDirectories(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MetadataFiles.writeOpenStack(tree, guest);
        HostCommand.run(Duration.ofSeconds(30), "genisoimage", "-quiet", "-o", iso.toString(), "-V", "config-2",
                "-J", "-r", tree.toString()).orThrow();
        return iso;
    }
}
