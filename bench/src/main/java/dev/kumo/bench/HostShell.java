package dev.kumo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one host command with a time limit; the data-path benchmark's only way to touch the host. */
final class HostShell {
    private static final long LIMIT_SECONDS = 60;

    /** What a command did: its exit code (-1 when it timed out) and its output with errors. */
    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        Result orThrow(String what) {
            if (exitCode != 0) {
                throw new IllegalStateException("Failed to " + what + " (exit " + exitCode + "): " + output.strip());
            }
            return this;
        }
    }

    Result run(String... command) {
        return run(List.of(command), null);
    }

    Result run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + LIMIT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    Result in(String namespace, String... command) {
        List<String> full = new java.util.ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return run(full, null);
    }
}
