package dev.kumo.dataplane;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** kumo's built-in guest image, as {@code guest-image/build} makes it (or finds it in its cache). */
record GuestImage(Path qcow2, Path manifest, Duration buildTime) {
    GuestImage {
        Objects.requireNonNull(qcow2, "qcow2");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(buildTime, "buildTime");
    }

    static GuestImage ensure(Path builder, Path cacheDir) {
        long started = System.nanoTime();
        HostCommand.Result result = HostCommand.run(Duration.ofMinutes(5), builder.toString(), cacheDir.toString()).orThrow();
        String[] lines = result.output().strip().split("\n");
        Path image = Path.of(lines[lines.length - 1].strip());
        Path manifest = image.resolveSibling(image.getFileName().toString().replaceFirst("\\.qcow2$", ".manifest"));
        if (!Files.isRegularFile(image) || !Files.isRegularFile(manifest)) {
            throw new IllegalStateException("guest-image/build did not leave an image and a manifest; its output: " + result.output());
        }
        return new GuestImage(image, manifest, Duration.ofNanos(System.nanoTime() - started));
    }
}
