package dev.kumo.server.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The metadata service's HTTP server: Jetty on a unix-domain socket only, never TCP. The per-router and per-network
 * proxies (haproxy in their namespaces) reach it through the file system, which is why it is a unix socket: a TCP
 * listener in the root namespace is not reachable from theirs, and a unix socket is reachable by nothing else.
 */
public final class MetadataSocketServer implements AutoCloseable {
    private final Server server;
    private final Path socket;

    private MetadataSocketServer(Server server, Path socket) {
        this.server = server;
        this.socket = socket;
    }

    /** Listens on {@code socket}, creating its directory (mode 0755) and replacing a socket a crash left behind. */
    public static MetadataSocketServer start(Path socket, MetadataService service) {
        Objects.requireNonNull(socket, "socket");
        prepare(socket);
        var pool = new QueuedThreadPool(16, 2);
        pool.setName("metadata");
        var server = new Server(pool);
        var http = new HttpConfiguration();
        http.setSendServerVersion(false); // guests need not learn what serves them
        var connector = new UnixDomainServerConnector(server, new HttpConnectionFactory(http));
        connector.setUnixDomainPath(socket);
        server.addConnector(connector);
        server.setHandler(new MetadataHandler(service));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("Failed to start the metadata service on " + socket + ": " + e.getMessage(), e);
        }
        return new MetadataSocketServer(server, socket);
    }

    private static void prepare(Path socket) {
        try {
            Path dir = socket.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to prepare the metadata socket " + socket + ": " + e.getMessage(), e);
        }
    }

    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        stopQuietly(server);
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            // a stale socket is replaced at the next start
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping is best effort at shutdown
        }
    }
}
