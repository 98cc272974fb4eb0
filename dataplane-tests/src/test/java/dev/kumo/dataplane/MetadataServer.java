package dev.kumo.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A static metadata service: python3's http.server on 169.254.169.254:80 inside the lab namespace,
 * serving a directory laid out like the OpenStack and EC2 metadata paths. Its access log shows
 * which paths the guest asked for.
 */
final class MetadataServer implements AutoCloseable {
    private final Process process;
    private final Path log;

    private MetadataServer(Process process, Path log) {
        this.process = Objects.requireNonNull(process, "process");
        this.log = Objects.requireNonNull(log, "log");
    }

    static MetadataServer start(LabNetwork lab, Path documentRoot) {
        Path log = lab.dir().resolve("metadata-http.log");
        // `ip netns exec` execs python, so this process handle is python itself.
        Process process = HostCommand.startLogged(lab.inNamespace(List.of("python3", "-u", "-m", "http.server", "80",
                "--bind", LabNetwork.METADATA_ADDRESS, "--directory", documentRoot.toString())), log);
        try {
            Files.writeString(lab.dir().resolve("metadata.pid"), Long.toString(process.pid())); // for StaleLabs
        } catch (IOException e) {
            process.destroy();
            throw new UncheckedIOException(e);
        }
        MetadataServer server = new MetadataServer(process, log);
        server.awaitListening(lab);
        return server;
    }

    /** The request lines of the access log, e.g. {@code "GET /openstack/latest/meta_data.json HTTP/1.1" 200 -}. */
    String accessLog() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening(LabNetwork lab) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("metadata server exited at start: " + accessLog());
            }
            if (accessLog().contains("Serving HTTP")) {
                return;
            }
            sleep();
        }
        throw new IllegalStateException("metadata server in " + lab.namespace() + " did not listen within 10 s: " + accessLog());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    @Override
    public String toString() {
        return "metadata server (pid " + process.pid() + ")";
    }
}
