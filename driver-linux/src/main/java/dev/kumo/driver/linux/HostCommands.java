package dev.kumo.driver.linux;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host command with a bounded wait. Output goes to a temporary file rather than a pipe, because
 * daemons (dnsmasq, haproxy) inherit the command's output and would keep a pipe open after the command exits.
 */
final class HostCommands {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    CommandResult run(String... command) {
        return run(List.of(command), null);
    }

    CommandResult run(List<String> command) {
        return run(command, null);
    }

    /** Runs {@code command} with {@code stdin} (or /dev/null when null) as its input. */
    CommandResult run(List<String> command, String stdin) {
        Path out = null;
        try {
            out = Files.createTempFile("kumo-cmd", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new CommandResult(command, -1, "timed out after " + TIMEOUT.toSeconds() + " s");
            }
            return new CommandResult(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new CommandResult(command, -1, "could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandResult(command, -1, "interrupted");
        } finally {
            deleteQuietly(out);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left in /tmp is harmless
            }
        }
    }
}
