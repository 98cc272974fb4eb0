package dev.kumo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** Starts kumo servers on the workspace's state dir, each on a fresh free port, and times them to healthy. */
final class ServerLauncher {
    private final BenchOptions options;
    private final Workspace workspace;
    private final HttpClient healthClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
    private final java.util.Map<String, String> environment;
    private int starts;

    ServerLauncher(BenchOptions options, Workspace workspace) {
        this(options, workspace, java.util.Map.of());
    }

    /** Servers started with {@code environment} added to kumo's. */
    ServerLauncher(BenchOptions options, Workspace workspace, java.util.Map<String, String> environment) {
        this.options = Objects.requireNonNull(options, "options");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.environment = java.util.Map.copyOf(environment);
    }

    /** A started server and how long it took from spawn to its first healthy answer. */
    record Started(ServerProcess server, Duration toHealthy) {}

    Started start() throws IOException, InterruptedException {
        int port = freePort();
        warmUpClient(port);
        int start = ++starts;
        ServerProcess server = workspace.spawn(() -> ServerProcess.spawn(options.javaBinary(), options.kumoJar(),
                workspace.cdsArchive(), workspace.stateDir(), port, workspace.serverLog(start), environment));
        return new Started(server, server.awaitHealthy(healthClient));
    }

    /**
     * One refused request before spawning, so that loading the HTTP client's classes in this JVM is not
     * counted as server start time.
     */
    private void warmUpClient(int port) throws InterruptedException {
        try {
            healthClient.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthcheck")).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException expected) {
            // nothing listens there yet
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on 127.0.0.1", e);
        }
    }
}
