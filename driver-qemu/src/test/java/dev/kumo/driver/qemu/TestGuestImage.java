package dev.kumo.driver.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * kumo's built-in guest image for the real-VM tests: {@code kumo.guestImage} names a prebuilt one; otherwise
 * {@code guest-image/build} makes it in the test cache (or finds it there).
 */
final class TestGuestImage {
    private TestGuestImage() {}

    static Path ensure() {
        String prebuilt = System.getProperty("kumo.guestImage", System.getenv("KUMO_GUEST_IMAGE"));
        if (prebuilt != null && Files.isRegularFile(Path.of(prebuilt))) {
            return Path.of(prebuilt);
        }
        String builder = System.getProperty("kumo.guestImage.builder", "../guest-image/build");
        String cache = System.getProperty("kumo.guestImage.cache", "target/guest-cache");
        HostCommand.Result result = HostCommand.run(Duration.ofMinutes(5), builder, cache);
        if (!result.succeeded()) {
            throw new IllegalStateException("guest-image/build failed: " + result.output());
        }
        String[] lines = result.output().strip().split("\n");
        Path image = Path.of(lines[lines.length - 1].strip());
        if (!Files.isRegularFile(image)) {
            throw new IllegalStateException("guest-image/build left no image; its output: " + result.output());
        }
        return image;
    }
}
