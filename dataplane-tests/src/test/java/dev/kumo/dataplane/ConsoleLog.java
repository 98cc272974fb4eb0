package dev.kumo.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** The guest's serial console, which QEMU writes to a file. */
final class ConsoleLog {
    private final Path file;

    ConsoleLog(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    String text() {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the console shows {@code expected}; fails with the console's last lines if it does not. */
    void await(String expected, Duration timeout) {
        await(expected, 1, timeout);
    }

    /** Waits until the console shows {@code expected} {@code times} times (e.g. once per boot). */
    void await(String expected, int times, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (occurrences(expected) < times) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The guest console did not show \"" + expected + "\" " + times + " time(s) within "
                        + timeout.toSeconds() + " s; it ends with:\n" + tail());
            }
            pause();
        }
    }

    int occurrences(String expected) {
        String text = text();
        int count = 0;
        for (int at = text.indexOf(expected); at >= 0; at = text.indexOf(expected, at + expected.length())) {
            count++;
        }
        return count;
    }

    String tail() {
        String text = text();
        return text.substring(Math.max(0, text.length() - 3000));
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
