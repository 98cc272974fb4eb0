package dev.kumo.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One kumo server JVM, spawned from the jar exactly as {@code ./kumo serve} runs it (serial GC, small
 * heap, auto-created CDS archive), its output going to a log file so a full pipe can never stall it.
 */
final class ServerProcess {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Long enough for the JVM to write the CDS archive at exit, which the first stop does. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final long spawnedAtNanos;
    private final URI baseUri;
    private final Path log;

    private ServerProcess(Process process, long spawnedAtNanos, URI baseUri, Path log) {
        this.process = Objects.requireNonNull(process, "process");
        this.spawnedAtNanos = spawnedAtNanos;
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.log = Objects.requireNonNull(log, "log");
    }

    static ServerProcess spawn(Path java, Path jar, Path cdsArchive, Path stateDir, int port, Path log) throws IOException {
        return spawn(java, jar, cdsArchive, stateDir, port, log, Map.of());
    }

    /** As above with more environment for kumo (the compute bench's KUMO_EMULATED_HOSTS). */
    static ServerProcess spawn(Path java, Path jar, Path cdsArchive, Path stateDir, int port, Path log,
                               Map<String, String> environment) throws IOException {
        var command = List.of(java.toString(), "-XX:+UseParallelGC", "-Xms32m", "-Xmx256m",
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cdsArchive,
                "-jar", jar.toString(), "serve", "--state-dir", stateDir.toString(), "--port", Integer.toString(port),
                // the control plane's figures: no QEMU probe, no kernel networking (those have benches of their own)
                "--emulated",
                // the demo's private network would take one of the 1,000 tenant VNIs the network bench needs
                "--set", "network.demo_networks=false");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", java.getParent().getParent().toString());
        builder.environment().remove("KUMO_STATE_DIR");
        builder.environment().putAll(environment);
        long spawnedAt = System.nanoTime();
        Process process = builder.start();
        return new ServerProcess(process, spawnedAt, URI.create("http://127.0.0.1:" + port), log);
    }

    URI baseUri() {
        return baseUri;
    }

    long pid() {
        return process.pid();
    }

    /** Polls GET /healthcheck every 10 ms; returns the time from spawning the process to the first 200. */
    Duration awaitHealthy(HttpClient client) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(baseUri.resolve("/healthcheck")).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = spawnedAtNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kumo exited with status " + process.exitValue()
                        + " while starting; end of its log:\n" + logTail());
            }
            if (answersOk(client, request)) {
                return Duration.ofNanos(System.nanoTime() - spawnedAtNanos);
            }
            Thread.sleep(POLL_INTERVAL);
        }
        throw new IllegalStateException("kumo was not healthy " + START_TIMEOUT.toSeconds() + " s after start; end of its log:\n" + logTail());
    }

    /** Resident set size from /proc/PID/status (VmRSS), in kB. */
    long residentKilobytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
            }
        }
        throw new IllegalStateException("/proc/" + pid() + "/status has no VmRSS line (is the process gone?)");
    }

    /** SIGTERM (the server's shutdown hook closes the database), then SIGKILL if it hangs; returns how long it took. */
    Duration stop() {
        long started = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("kumo-bench: kumo pid " + pid() + " ignored SIGTERM for " + STOP_TIMEOUT.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean answersOk(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (ConnectException notListeningYet) {
            return false;
        } catch (IOException e) {
            return false; // e.g. a connection reset while Jetty is still starting: try again
        }
    }
}
