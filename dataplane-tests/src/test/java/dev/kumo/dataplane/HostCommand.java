package dev.kumo.dataplane;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command to completion within a bounded time and keeps its combined output. */
final class HostCommand {
    private HostCommand() {}

    record Result(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** This result when the command succeeded, else an exception saying what failed and why. */
        Result orThrow() {
            if (!succeeded()) {
                throw new IllegalStateException("Failed " + String.join(" ", command) + " (exit " + exitCode + "): " + output.strip());
            }
            return this;
        }
    }

    static Result run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    static Result run(Duration timeout, List<String> command) {
        Process process = start(command);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                reader.join();
                return new Result(command, -1, "timed out after " + timeout.toMillis() + " ms; output: " + output.toString(StandardCharsets.UTF_8));
            }
            reader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
        return new Result(command, process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }

    /** Starts a long-running command whose output goes to {@code log}; the caller owns the process. */
    static Process startLogged(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start " + String.join(" ", command), e);
        }
    }

    private static Process start(List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to start " + String.join(" ", command), e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // the process was killed; what was read so far is kept
        }
    }
}
