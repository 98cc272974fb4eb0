package dev.kumo.systemtests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * "A machine on the external LAN": a namespace the test creates, plugged into kumo's external bridge by a
 * veth, with an address in the public range. It reaches VMs only through their floating IPs; nothing leaves
 * the host. Deleted by name.
 */
final class ExternalLan implements AutoCloseable {
    private final String namespace;
    private final String hostLink;

    private ExternalLan(String namespace, String hostLink) {
        this.namespace = namespace;
        this.hostLink = hostLink;
    }

    static ExternalLan plug(String id, String bridge, String cidrAddress) {
        var lan = new ExternalLan("kst-ext-" + id, "kst-ext-" + id);
        Host.run("ip", "netns", "add", lan.namespace).orThrow();
        Host.run("ip", "link", "add", lan.hostLink, "type", "veth", "peer", "name", "eth0", "netns", lan.namespace).orThrow();
        Host.run("ip", "link", "set", lan.hostLink, "master", bridge, "up").orThrow();
        lan.exec("ip", "addr", "add", cidrAddress, "dev", "eth0").orThrow();
        lan.exec("ip", "link", "set", "eth0", "up").orThrow();
        lan.exec("ip", "link", "set", "lo", "up").orThrow();
        return lan;
    }

    Host.Result exec(String... command) {
        return exec(Duration.ofSeconds(60), command);
    }

    Host.Result exec(Duration limit, String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        return Host.run(limit, full.toArray(String[]::new));
    }

    /** {@code ssh user@address command} with the private key, no host-key prompts, a short connect timeout. */
    Host.Result ssh(Path key, String address, String command) {
        return exec(Duration.ofSeconds(30), "ssh", "-i", key.toString(), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=5", "-o", "BatchMode=yes",
                "-o", "LogLevel=ERROR", "cirros@" + address, command);
    }

    /** Polls until SSH runs {@code command} successfully or the time is up; the last result. */
    Host.Result awaitSsh(Path key, String address, String command, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Host.Result last;
        do {
            last = ssh(key, address, command);
            if (last.ok()) {
                return last;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        return last;
    }

    @Override
    public void close() {
        Host.run("ip", "netns", "pids", namespace).output().lines()
                .forEach(pid -> Host.run("kill", "-9", pid.strip()));
        Host.run("ip", "link", "del", hostLink);
        Host.run("ip", "netns", "del", namespace);
    }
}
