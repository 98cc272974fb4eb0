package dev.kumo.driver.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's own objects around the driver: "guest" namespaces with a veth whose bridge end carries the tap
 * name of their port (the driver finds it and plugs it, as it would QEMU's tap), an "external host" on the
 * test's external bridge, and listeners. Everything is named with the test id and deleted by name.
 */
final class TestLab implements AutoCloseable {
    final String id;
    private final HostCommands host = new HostCommands();
    private final List<String> namespaces = new ArrayList<>();
    private final List<String> rootLinks = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    TestLab(String id) {
        this.id = id;
    }

    CommandResult run(String... command) {
        return host.run(command);
    }

    CommandResult in(String ns, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        full.addAll(List.of(command));
        return host.run(full);
    }

    /** A namespace with {@code eth0} (MAC {@code mac}) whose peer {@code rootName} is left in the root namespace. */
    String guest(String name, String rootName, String mac) {
        String ns = id + name;
        run("ip", "netns", "add", ns).orThrow("add " + ns);
        namespaces.add(ns);
        rootLinks.add(rootName);
        run("ip", "link", "add", rootName, "type", "veth", "peer", "name", "eth0", "netns", ns).orThrow("veth " + rootName);
        in(ns, "ip", "link", "set", "lo", "up").orThrow("lo");
        in(ns, "ip", "link", "set", "eth0", "address", mac, "up").orThrow("eth0 of " + ns);
        return ns;
    }

    /** The external host: a namespace on {@code bridge} with {@code cidr}, no default route. */
    String externalHost(String bridge, String cidr) {
        String ns = id + "x";
        String link = id + "xe";
        run("ip", "netns", "add", ns).orThrow("add " + ns);
        namespaces.add(ns);
        rootLinks.add(link);
        run("ip", "link", "add", link, "type", "veth", "peer", "name", "eth0", "netns", ns).orThrow("veth " + link);
        run("ip", "link", "set", link, "master", bridge, "up").orThrow("plug " + link);
        in(ns, "ip", "link", "set", "lo", "up").orThrow("lo");
        in(ns, "ip", "link", "set", "eth0", "up").orThrow("eth0");
        in(ns, "ip", "addr", "add", cidr, "dev", "eth0").orThrow("address");
        return ns;
    }

    /** A busybox httpd in {@code ns} on {@code port}, answering {@code /index.html} with {@code text}. */
    void httpServer(String ns, int port, Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.html"), text);
        processes.add(new ProcessBuilder("ip", "netns", "exec", ns, "busybox", "httpd", "-f", "-p", Integer.toString(port),
                "-h", dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** What {@code url} answers from {@code ns}, or an empty string when it does not within 3 s. */
    String fetch(String ns, String url, String... headers) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "timeout", "3", "busybox", "wget", "-q",
                "-O", "-"));
        for (String header : headers) {
            command.addAll(List.of("--header", header));
        }
        command.add(url);
        CommandResult result = host.run(command);
        return result.succeeded() ? result.output().strip() : "";
    }

    boolean ping(String ns, String address, String... options) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns, "busybox", "ping", "-c", "1", "-W", "1"));
        command.addAll(List.of(options));
        command.add(address);
        return host.run(command).succeeded() || host.run(command).succeeded();
    }

    void ownLink(String rootLink) {
        rootLinks.add(rootLink);
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        for (String ns : namespaces) {
            run("ip", "netns", "del", ns);
        }
        for (String link : rootLinks) {
            if (run("ip", "link", "show", "dev", link).succeeded()) {
                run("ip", "link", "del", "dev", link);
            }
        }
    }
}
