package dev.kumo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The benchmark's temporary directory (state dir, CDS archive, server logs) and the server running in
 * it. Closing stops the server and deletes the directory; a shutdown hook does the same when the run
 * is interrupted (Ctrl-C), so no kumo process or temp dir outlives the benchmark.
 */
final class Workspace implements AutoCloseable {
    private final Path root;
    private final Thread hook;
    private final Object lock = new Object();
    private boolean closed;
    private ServerProcess server;

    private Workspace(Path root) {
        this.root = root;
        this.hook = new Thread(this::cleanUp, "kumo-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    static Workspace create() throws IOException {
        return new Workspace(Files.createTempDirectory("kumo-bench-"));
    }

    /** Not created yet: the first start is what creates it. */
    Path stateDir() {
        return root.resolve("state");
    }

    Path cdsArchive() {
        return root.resolve("kumo.jsa");
    }

    Path serverLog(int start) {
        return root.resolve("server-" + start + ".log");
    }

    /** How a server is started; called under the workspace's lock. */
    @FunctionalInterface
    interface Spawner {
        ServerProcess spawn() throws IOException;
    }

    /**
     * Starts a server that cleanup will stop (the previous one must have been stopped). Under a lock,
     * so that a server cannot be started between the cleanup's look at it and the JVM's exit.
     */
    ServerProcess spawn(Spawner spawner) throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the benchmark is shutting down: not starting another kumo");
            }
            server = spawner.spawn();
            return server;
        }
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private void cleanUp() {
        ServerProcess running;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            running = server;
        }
        if (running != null) {
            running.stop();
        }
        deleteRecursively(root);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            System.err.println("kumo-bench: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
