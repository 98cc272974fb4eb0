package dev.kumo.bench;

import dev.kumo.driver.linux.LinuxNetworkConfig;
import dev.kumo.driver.linux.LinuxNetworkDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The data-path benchmark's own corner of the host: a Linux network driver on a temporary state dir with its
 * own nftables table names and a mapped external bridge, "guest" namespaces whose veth carries their port's
 * tap name (the driver plugs it as it would QEMU's tap), an external-LAN host and busybox httpd listeners.
 * Everything is named with a random prefix ({@code kb<4 hex>}) and deleted by name or pid in {@link #close()}.
 */
final class DataPathLab implements AutoCloseable {
    static final String PHYSNET = "physnet1";

    final String id = "kb" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 4);
    final String externalBridge = "brx" + id;
    final HostShell shell = new HostShell();
    private final Path state;
    private final LinuxNetworkConfig config;
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> rootLinks = new ArrayList<>();
    private final List<Process> listeners = new ArrayList<>();
    private LinuxNetworkDriver driver;

    DataPathLab() throws IOException {
        state = Files.createTempDirectory(Path.of("/tmp"), "kumo-bench-" + id);
        config = new LinuxNetworkConfig(state, Map.of(PHYSNET, externalBridge), state.resolve("run/metadata.sock"), 1450,
                "kumo-sg-" + id);
        driver = new LinuxNetworkDriver(config);
        rootLinks.add(externalBridge);
    }

    LinuxNetworkDriver driver() {
        return driver;
    }

    /** kumo killed and started again: a new driver with nothing in memory, the host and state dir as they were. */
    LinuxNetworkDriver restartDriver() {
        driver = new LinuxNetworkDriver(config);
        return driver;
    }

    Path state() {
        return state;
    }

    /** A guest namespace with {@code eth0} at {@code cidr} (MAC {@code mac}), default route via {@code gateway}. */
    String guest(String name, String rootLink, String mac, String cidr, String gateway) {
        String ns = id + name;
        shell.run("ip", "netns", "add", ns).orThrow("add namespace " + ns);
        namespaces.add(ns);
        shell.run("ip", "link", "add", rootLink, "type", "veth", "peer", "name", "eth0", "netns", ns).orThrow("veth " + rootLink);
        rootLinks.add(rootLink);
        shell.in(ns, "ip", "link", "set", "lo", "up").orThrow("lo of " + ns);
        shell.in(ns, "ip", "link", "set", "eth0", "address", mac, "up").orThrow("eth0 of " + ns);
        shell.in(ns, "ip", "addr", "add", cidr, "dev", "eth0").orThrow("address of " + ns);
        shell.in(ns, "ip", "route", "add", "default", "via", gateway).orThrow("default route of " + ns);
        return ns;
    }

    /** The external LAN's host: a namespace on the external bridge, neighbour retries every 100 ms. */
    String externalHost(String cidr) {
        String ns = id + "x";
        String link = id + "xe";
        shell.run("ip", "netns", "add", ns).orThrow("add namespace " + ns);
        namespaces.add(ns);
        shell.run("ip", "link", "add", link, "type", "veth", "peer", "name", "eth0", "netns", ns).orThrow("veth " + link);
        rootLinks.add(link);
        shell.run("ip", "link", "set", link, "master", externalBridge, "up").orThrow("plug " + link);
        shell.in(ns, "ip", "link", "set", "lo", "up").orThrow("lo of " + ns);
        shell.in(ns, "ip", "link", "set", "eth0", "up").orThrow("eth0 of " + ns);
        shell.in(ns, "ip", "addr", "add", cidr, "dev", "eth0").orThrow("address of " + ns);
        shell.in(ns, "sysctl", "-q", "-w", "net.ipv4.neigh.eth0.retrans_time_ms=100").orThrow("neighbour retries of " + ns);
        return ns;
    }

    /** A busybox httpd in {@code ns} on port 8080 answering {@code /index.html} with {@code text}. */
    void listener(String ns, String text) throws IOException {
        Path dir = state.resolve("www/" + ns);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.html"), text);
        listeners.add(new ProcessBuilder("ip", "netns", "exec", ns, "busybox", "httpd", "-f", "-p", "8080", "-h",
                dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    @Override
    public void close() {
        listeners.forEach(Process::destroyForcibly);
        removePlumbed();
        try {
            driver.purgeHost(); // the driver's tables and the mapped bridge it created
        } catch (RuntimeException e) {
            System.err.println("cleanup: " + e.getMessage());
        }
        for (String ns : namespaces) {
            shell.run("ip", "netns", "del", ns);
        }
        for (String link : rootLinks) {
            if (shell.run("ip", "link", "show", "dev", link).succeeded()) {
                shell.run("ip", "link", "del", "dev", link);
            }
        }
        for (String family : List.of("bridge", "inet")) {
            shell.run("nft", "delete", "table", family, "kumo-sg-" + id);
        }
        shell.run("nft", "delete", "table", "inet", "kumo-sg-" + id + "-guard");
        deleteTree(state);
    }

    /**
     * Whatever a failed run left plumbed: the routers, floating IPs and networks the driver lists, only those of
     * this run (the inventory also shows the qdhcp- namespaces of every other kumo on the host).
     */
    private void removePlumbed() {
        var found = driver.inventory();
        List<Runnable> steps = new ArrayList<>();
        found.floatingIpIds().stream().filter(f -> f.startsWith(id)).forEach(f -> steps.add(() -> driver.deleteFloatingIp(f)));
        found.routerIds().stream().filter(r -> r.startsWith(id)).forEach(r -> steps.add(() -> driver.deleteRouter(r)));
        found.networkIds().stream().filter(n -> n.startsWith(id)).forEach(n -> steps.add(() -> driver.deleteNetwork(n)));
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("cleanup: " + dir + ": " + e.getMessage());
        }
    }
}
