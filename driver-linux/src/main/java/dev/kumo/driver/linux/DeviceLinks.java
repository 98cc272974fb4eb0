package dev.kumo.driver.linux;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code ip} operations the driver needs, each idempotent: ensure creates only what is missing (the
 * kernel answers EEXIST otherwise), delete succeeds when there is nothing. {@code ns} null means the root
 * namespace.
 */
final class DeviceLinks {
    private static final Path NETNS_DIR = Path.of("/run/netns");
    private final HostCommands host;

    DeviceLinks(HostCommands host) {
        this.host = host;
    }

    HostCommands host() {
        return host;
    }

    static List<String> ip(String ns, String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        if (ns != null) {
            command.addAll(List.of("-n", ns));
        }
        command.addAll(List.of(args));
        return command;
    }

    static List<String> inNamespace(String ns, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(command);
        return full;
    }

    boolean namespaceExists(String ns) {
        return Files.exists(NETNS_DIR.resolve(ns));
    }

    List<String> namespaces() {
        try (var files = Files.list(NETNS_DIR)) {
            return files.map(p -> p.getFileName().toString()).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** True when it had to be created (daemons still running in a namespace deleted by hand are orphans). */
    boolean ensureNamespace(String ns) {
        boolean created = !namespaceExists(ns);
        if (created) {
            host.run("ip", "netns", "add", ns).orThrow("create namespace " + ns);
        }
        host.run(ip(ns, "link", "set", "lo", "up")).orThrow("bring up lo in " + ns);
        return created;
    }

    void deleteNamespace(String ns) {
        if (namespaceExists(ns)) {
            host.run("ip", "netns", "del", ns).orThrow("delete namespace " + ns);
        }
    }

    boolean linkExists(String ns, String name) {
        return host.run(ip(ns, "link", "show", "dev", name)).succeeded();
    }

    /** Also fine when the link vanishes meanwhile (a veth goes with its peer's namespace, asynchronously). */
    void deleteLink(String ns, String name) {
        if (linkExists(ns, name)) {
            CommandResult deleted = host.run(ip(ns, "link", "del", "dev", name));
            if (!deleted.succeeded() && linkExists(ns, name)) {
                deleted.orThrow("delete link " + name);
            }
        }
    }

    /** A bridge with this MTU (0: leave the MTU alone), up. */
    void ensureBridge(String name, int mtu) {
        if (!linkExists(null, name)) {
            host.run("ip", "link", "add", name, "type", "bridge").orThrow("create bridge " + name);
        }
        if (mtu > 0) {
            host.run("ip", "link", "set", "dev", name, "mtu", Integer.toString(mtu)).orThrow("set the MTU of " + name);
        }
        host.run("ip", "link", "set", "dev", name, "up").orThrow("bring up bridge " + name);
    }

    /** A persistent tap (or whatever link already has the name, e.g. one QEMU made) on {@code bridge}. */
    void ensureTap(String tap, String bridge, int mtu) {
        if (!linkExists(null, tap)) {
            CommandResult made = host.run("ip", "tuntap", "add", "dev", tap, "mode", "tap");
            if (!made.succeeded() && !linkExists(null, tap)) {
                made.orThrow("create tap " + tap);
            }
        }
        enslave(tap, bridge, mtu);
    }

    void enslave(String link, String bridge, int mtu) {
        host.run("ip", "link", "set", "dev", link, "mtu", Integer.toString(mtu), "master", bridge, "up")
                .orThrow("plug " + link + " into " + bridge);
    }

    /**
     * A veth pair: {@code inside} in {@code ns} with {@code mac}, {@code outside} in the root namespace on
     * {@code bridge}; both with {@code mtu} and up. A half-made pair is replaced.
     */
    boolean ensureVeth(String ns, String inside, String mac, String outside, String bridge, int mtu) {
        boolean created = !linkExists(ns, inside) || !linkExists(null, outside);
        if (created) {
            deleteLink(ns, inside);
            deleteLink(null, outside);
            host.run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside, "netns", ns)
                    .orThrow("create veth " + outside + "/" + inside);
        }
        enslave(outside, bridge, mtu);
        host.run(ip(ns, "link", "set", "dev", inside, "address", mac, "mtu", Integer.toString(mtu), "up"))
                .orThrow("configure " + inside + " in " + ns);
        return created;
    }

    /** Makes the IPv4 addresses of {@code dev} exactly {@code cidrs}. */
    void ensureAddresses(String ns, String dev, Set<String> cidrs) {
        Set<String> present = addresses(ns, dev);
        for (String extra : present) {
            if (!cidrs.contains(extra)) {
                host.run(ip(ns, "addr", "del", extra, "dev", dev)).orThrow("remove " + extra + " from " + dev);
            }
        }
        for (String wanted : cidrs) {
            if (!present.contains(wanted)) {
                host.run(ip(ns, "addr", "add", wanted, "dev", dev)).orThrow("add " + wanted + " to " + dev);
            }
        }
    }

    Set<String> addresses(String ns, String dev) {
        Set<String> found = new LinkedHashSet<>();
        String output = host.run(ip(ns, "-o", "-4", "addr", "show", "dev", dev)).output();
        for (String line : output.split("\n")) {
            String[] words = line.trim().split("\\s+");
            for (int i = 0; i + 1 < words.length; i++) {
                if (words[i].equals("inet")) {
                    found.add(words[i + 1]);
                }
            }
        }
        return found;
    }

    /** The names of the links in {@code ns} (root when null). */
    List<String> links(String ns) {
        List<String> names = new ArrayList<>();
        for (String line : host.run(ip(ns, "-o", "link", "show")).output().split("\n")) {
            String[] parts = line.split(":\\s+", 3);
            if (parts.length >= 2) {
                String name = parts[1].trim();
                int at = name.indexOf('@');
                names.add(at < 0 ? name : name.substring(0, at));
            }
        }
        return names;
    }
}
