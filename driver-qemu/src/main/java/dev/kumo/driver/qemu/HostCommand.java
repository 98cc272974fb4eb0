package dev.kumo.driver.qemu;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a host command ({@code qemu-img}, {@code ip}, {@code genisoimage}, QEMU itself) with a bounded wait. */
final class HostCommand {
    private HostCommand() {}

    /** How a command ended: its exit code (-1 when it timed out or could not start) and combined output. */
    record Result(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** This result when the command succeeded, else "Failed &lt;action&gt;: &lt;command&gt; ...: output". */
        Result orThrow(String action) throws QemuException {
            if (!succeeded()) {
                throw new QemuException("Failed " + action + ": " + String.join(" ", command) + " exited with "
                        + exitCode + ": " + output.strip());
            }
            return this;
        }
    }

    static Result run(Duration timeout, String... command) {
        return run(timeout, List.of(command));
    }

    static Result run(Duration timeout, List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            return new Result(command, -1, "could not start: " + e.getMessage());
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = Thread.ofVirtual().start(() -> copy(process.getInputStream(), output));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                reader.join(1000);
                return new Result(command, -1, "timed out after " + timeout.toMillis() + " ms; output: " + text(output));
            }
            // a daemonizing child may keep the pipe open a little longer; the output so far is enough
            reader.join(2000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(command, -1, "interrupted");
        }
        return new Result(command, process.exitValue(), text(output));
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended or was killed; what was read so far is kept
        }
    }
}
