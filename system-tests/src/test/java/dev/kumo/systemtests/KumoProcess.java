package dev.kumo.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The packaged kumo ({@code server/target/kumo.jar}) with its real drivers in a process of its own, on a state
 * directory and port of the test's: started, killed with SIGKILL, started again on the same state, and at the
 * end stopped and purged (its guests, namespaces, links and rules removed from the host).
 */
final class KumoProcess implements AutoCloseable {
    private final Path jar;
    private final Path stateDir;
    private final int port;
    private Process process;

    private KumoProcess(Path jar, Path stateDir, int port) {
        this.jar = jar;
        this.stateDir = stateDir;
        this.port = port;
    }

    /** Initialises the state directory with {@code settings} over the defaults and builds the guest image into it. */
    static KumoProcess create(Path jar, Path stateDir, Map<String, String> settings, Path imageBuilder) throws IOException {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var kumo = new KumoProcess(jar, stateDir, port);
        kumo.cli(Duration.ofSeconds(60), "init").orThrow();
        Path conf = stateDir.resolve("kumo.conf");
        String text = Files.readString(conf);
        for (var e : settings.entrySet()) {
            text = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(e.getKey()) + " *=.*$",
                    java.util.regex.Matcher.quoteReplacement(e.getKey() + " = " + e.getValue()));
        }
        Files.writeString(conf, text);
        Host.run(Duration.ofMinutes(5), imageBuilder.toString(), stateDir.resolve("cache/guest").toString()).orThrow();
        return kumo;
    }

    /** Starts {@code kumo serve} and waits until it answers its health check. */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(stateDir.resolve("log"));
        process = new ProcessBuilder(java(), "-XX:+UseSerialGC", "-Xmx256m", "-jar", jar.toString(), "serve",
                "--state-dir", stateDir.toString(), "--port", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("log/system-test.log").toFile()))
                .start();
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("kumo exited during start; log: " + stateDir.resolve("log/system-test.log"));
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(url() + "/healthcheck")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("kumo did not become healthy in 60 s");
    }

    /** SIGKILL, as a crash or an OOM kill would stop it: no shutdown hook runs. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    Path rcFile(String who) {
        return stateDir.resolve("keystonerc_" + who);
    }

    Path stateDir() {
        return stateDir;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        Host.Result purged = cli(Duration.ofMinutes(2), "purge");
        if (!purged.ok()) {
            System.err.println("kumo purge: " + purged.output());
        }
    }

    private Host.Result cli(Duration limit, String command) {
        return Host.run(limit, List.of(java(), "-jar", jar.toString(), command, "--state-dir", stateDir.toString())
                .toArray(String[]::new));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
