package dev.kumo.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.clitests.OpenStackCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The walkthrough's data path end to end with the real drivers: a VM on the demo project's private network
 * reached by SSH through its floating IP from a machine on the external LAN, its metadata, a security-group
 * rule taking effect both ways, and the cloud healing itself: after {@code kill -9} of kumo (the guest keeps
 * running, the same QEMU process is ACTIVE after the restart) and after its router namespace is deleted by hand.
 * Prints the times it measures.
 */
@Tag("dataplane")
class CloudDataPathSystemTest {
    private static final String PUBLIC_CIDR = "172.24.251.0/24";
    private static final String LAN_ADDRESS = "172.24.251.250";
    private static final Duration BOOT_LIMIT = Duration.ofMinutes(3);

    static String id;
    static Path work;
    static KumoProcess kumo;
    static ExternalLan lan;
    static OpenStackCli demo;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: bridges, namespaces, QEMU");
        for (String tool : new String[] {"qemu-system-x86_64", "haproxy", "nft", "dnsmasq", "ssh", "openstack"}) {
            assumeTrue(Host.run("sh", "-c", "command -v " + tool).ok(), tool + " is not installed");
        }
        id = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
                (byte) ThreadLocalRandom.current().nextInt()});
        work = Path.of(System.getProperty("kumo.system.work", "target/system")).toAbsolutePath().resolve(id);
        Files.createDirectories(work);
        String bridge = "brkst" + id;
        kumo = KumoProcess.create(Path.of(System.getProperty("kumo.jar")), work.resolve("state"), Map.of(
                "network.bridge_mappings", "physnet1:" + bridge, "network.public_cidr", PUBLIC_CIDR,
                "network.reconcile_seconds", "5"), Path.of(System.getProperty("kumo.guestImage.builder")));
        kumo.start();
        lan = ExternalLan.plug(id, bridge, LAN_ADDRESS + "/24");
        demo = OpenStackCli.fromRcFile(kumo.rcFile("demo"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (lan != null) {
            lan.close();
        }
        if (kumo != null) {
            kumo.close();
            Host.run("ip", "link", "del", "brkst" + id);
        }
    }

    @Test
    void vmIsReachableThroughItsFloatingIpAndTheCloudHealsAfterKill9AndHandWipes() throws Exception {
        Path key = work.resolve("kst-key.pem");
        demo.run("keypair", "create", "--private-key", key.toString(), "kst-key").ok();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        demo.run("security", "group", "rule", "create", "--ingress", "--protocol", "icmp", "default").ok();
        String sshRule = demo.json("security", "group", "rule", "create", "--ingress", "--protocol", "tcp",
                "--dst-port", "22", "default").get("id").asText();

        long t0 = System.nanoTime();
        String server = demo.json("server", "create", "--flavor", "1", "--image", "cirros", "--key-name", "kst-key",
                "--network", "private", "kst-vm").get("id").asText();
        awaitStatus(server, "ACTIVE");
        long active = System.nanoTime();
        String port = demo.json("port", "list", "--server", server).get(0).get("ID").asText();
        String fip = demo.json("floating", "ip", "create", "public").get("floating_ip_address").asText();
        demo.run("floating", "ip", "set", "--port", port, fip).ok();
        assertThat(lan.awaitSsh(key, fip, "hostname", BOOT_LIMIT).orThrow().output().strip()).isEqualTo("kst-vm");
        long sshReady = System.nanoTime();
        System.out.printf("system: server create -> ACTIVE %.1f s, -> SSH through the floating IP %.1f s%n",
                seconds(active - t0), seconds(sshReady - t0));
        assertThat(lan.ssh(key, fip, "curl http://169.254.169.254/latest/meta-data/public-ipv4").orThrow()
                .output().strip()).as("metadata public-ipv4").isEqualTo(fip);
        assertThat(lan.exec("ping", "-c", "1", "-W", "2", fip).ok()).as("ping the floating IP").isTrue();

        long qemu = qemuPid(server).orElseThrow(() -> new AssertionError("no QEMU process names " + server));
        kumo.kill9();
        assertThat(ProcessHandle.of(qemu).map(ProcessHandle::isAlive)).as("the guest outlives kumo").contains(true);
        long killed = System.nanoTime();
        kumo.start();
        assertThat(demo.json("server", "show", server).get("status").asText()).isEqualTo("ACTIVE");
        assertThat(qemuPid(server)).as("the same QEMU process after the restart").contains(qemu);
        lan.awaitSsh(key, fip, "true", Duration.ofSeconds(60)).orThrow();
        System.out.printf("system: kill -9 + start -> SSH again %.1f s%n", seconds(System.nanoTime() - killed));

        String router = demo.json("router", "show", "router1").get("id").asText();
        Host.run("ip", "netns", "del", "qrouter-" + router).orThrow();
        long wiped = System.nanoTime();
        // the namespace lives on while its haproxy holds it; kumo notices the name is gone and rebuilds it
        long deadline = wiped + Duration.ofSeconds(60).toNanos();
        while (!Host.run("ip", "netns", "list").output().contains("qrouter-" + router) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Host.run("ip", "netns", "list").output()).as("router namespace rebuilt").contains("qrouter-" + router);
        lan.awaitSsh(key, fip, "true", Duration.ofSeconds(60)).orThrow();
        System.out.printf("system: router namespace deleted by hand -> rebuilt and SSH again %.1f s%n",
                seconds(System.nanoTime() - wiped));

        demo.run("security", "group", "rule", "delete", sshRule).ok();
        Thread.sleep(2000);
        assertThat(lan.ssh(key, fip, "true").ok()).as("SSH after its rule is deleted").isFalse();
        demo.run("security", "group", "rule", "create", "--ingress", "--protocol", "tcp", "--dst-port", "22",
                "default").ok();
        lan.awaitSsh(key, fip, "true", Duration.ofSeconds(30)).orThrow();

        demo.run("server", "delete", "--wait", server).ok();
        assertThat(qemuPid(server)).as("QEMU gone with its server").isEmpty();
        assertThat(Host.run("ip", "link", "show", "tap" + port.substring(0, 11)).ok()).as("tap gone").isFalse();
        demo.run("floating", "ip", "delete", fip).ok();
    }

    private static void awaitStatus(String server, String status) throws InterruptedException {
        long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
        JsonNode shown;
        do {
            shown = demo.json("server", "show", server);
            if (shown.get("status").asText().equals(status)) {
                return;
            }
            if (shown.get("status").asText().equals("ERROR")) {
                break;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(server + " did not reach " + status + ": " + shown);
    }

    /** The QEMU process whose command line names the server (read from /proc; nothing is signalled). */
    private static Optional<Long> qemuPid(String server) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("qemu-system-x86_64"))
                .filter(p -> String.join(" ", p.info().arguments().map(java.util.List::of).orElse(java.util.List.of()))
                        .contains(server))
                .map(ProcessHandle::pid).findFirst();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
