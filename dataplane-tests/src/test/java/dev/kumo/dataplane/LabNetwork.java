package dev.kumo.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A tenant network in a network namespace of its own: a bridge at 10.0.0.1/24 that also holds the
 * metadata address 169.254.169.254/32, MTU 1450 as on a VXLAN tenant network, taps for guests,
 * and dnsmasq handing out fixed leases with the MTU and the classless route to the metadata
 * address. The namespace has no other interface and no route out of it, so guests reach nothing
 * but this namespace. Closing it stops what it started (by pid) and deletes the namespace (by name).
 */
final class LabNetwork implements AutoCloseable {
    static final String GATEWAY = "10.0.0.1";
    static final String METADATA_ADDRESS = "169.254.169.254";
    static final int MTU = 1450;
    private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);
    private static final String BRIDGE = "brlab";

    private final String namespace;
    private final Path dir;
    private final List<AutoCloseable> started = new ArrayList<>();

    private LabNetwork(String namespace, Path dir) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** Creates namespace {@code name} with its bridge and dnsmasq serving {@code hosts}. */
    static LabNetwork create(String name, Path workDir, List<DhcpHost> hosts) {
        LabNetwork lab = new LabNetwork(name, workDir.resolve(name));
        try {
            Files.createDirectories(lab.dir);
            lab.ip("netns", "add", name);
            lab.ipIn("link", "set", "lo", "up");
            lab.ipIn("link", "add", BRIDGE, "type", "bridge");
            lab.ipIn("link", "set", BRIDGE, "mtu", Integer.toString(MTU), "up");
            lab.ipIn("addr", "add", GATEWAY + "/24", "dev", BRIDGE);
            lab.ipIn("addr", "add", METADATA_ADDRESS + "/32", "dev", BRIDGE);
            lab.started.add(Dnsmasq.start(lab, BRIDGE, hosts));
            return lab;
        } catch (RuntimeException | IOException e) {
            lab.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    String namespace() {
        return namespace;
    }

    Path dir() {
        return dir;
    }

    /** A persistent tap on the bridge, created before QEMU opens it (QEMU must run in this namespace). */
    void addTap(String tap) {
        run(List.of("ip", "netns", "exec", namespace, "ip", "tuntap", "add", "dev", tap, "mode", "tap"));
        ipIn("link", "set", tap, "mtu", Integer.toString(MTU), "master", BRIDGE, "up");
    }

    /** Serves {@code documentRoot} at http://169.254.169.254/ until the network is closed. */
    MetadataServer serveMetadata(Path documentRoot) {
        MetadataServer server = MetadataServer.start(this, documentRoot);
        started.add(server);
        return server;
    }

    /** {@code command} prefixed to run inside the namespace. */
    List<String> inNamespace(List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    private void ipIn(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace));
        command.addAll(List.of(args));
        run(command);
    }

    private void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) {
        HostCommand.run(IP_TIMEOUT, command).orThrow();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("lab " + namespace + ": failed to stop " + started.get(i) + ": " + e);
            }
        }
        started.clear();
        HostCommand.Result deleted = HostCommand.run(IP_TIMEOUT, "ip", "netns", "del", namespace);
        if (!deleted.succeeded() && !deleted.output().contains("No such file")) {
            System.err.println("lab " + namespace + ": " + deleted.output().strip());
        }
    }
}
