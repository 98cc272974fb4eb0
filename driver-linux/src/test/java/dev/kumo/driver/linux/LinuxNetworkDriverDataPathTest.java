package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.PortRef;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import dev.kumo.spi.network.SecurityRuleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real driver on the real kernel, driven with specs as the network service would: a tenant network with
 * DHCP, a router with its gateway on a test bridge mapped as {@code physnet1}, two "guests" (namespaces whose
 * veth carries their port's tap name), an external host. All objects carry a random test id and are deleted
 * by name at the end. Steps run in order and share the lab. The host takes the external subnet's gateway
 * (.1) on the test bridge, so the range must be one the host does not use (checked first): this machine's own
 * LAN is 192.0.2.0/24 with its default gateway at 192.0.2.1, an address the host must never hold itself.
 */
@Tag("dataplane")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinuxNetworkDriverDataPathTest {
    private final String tid = "k" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 4);
    private final String externalBridge = "brtest" + tid;
    private final String privateNet = tid + "-pnet-0000";
    private final String externalNet = tid + "-enet-0000";
    private final String routerId = tid + "-router-00";
    private final String isolatedNet = tid + "-inet-0000";
    private final String groupId = tid + "-sg";
    private final PortSpec vm1 = Specs.computePort(tid + "-vm1-0000", privateNet, "fa:16:3e:77:00:06", "psub", "10.77.0.6", groupId);
    private final PortSpec vm2 = Specs.computePort(tid + "-vm2-0000", privateNet, "fa:16:3e:77:00:07", "psub", "10.77.0.7", groupId);
    private final RouterLeg inside = new RouterLeg(tid + "-rif-0000", privateNet, "fa:16:3e:77:00:01", List.of("10.77.0.1/24"));
    private final RouterLeg gateway = new RouterLeg(tid + "-rgw-0000", externalNet, "fa:16:3e:77:01:32", List.of("203.0.113.50/24"));
    private final FloatingIpSpec fip = new FloatingIpSpec(tid + "-fip", routerId, externalNet, "203.0.113.51", vm1.portId(), "10.77.0.6");
    private final List<SecurityRuleSpec> baseRules = List.of(Specs.rule("icmp", "ingress", "icmp", null, null, null, null),
            Specs.rule("ssh", "ingress", "tcp", 22, 22, "0.0.0.0/0", null), Specs.rule("out", "egress", null, null, null, null, null));

    private Path state;
    private LinuxNetworkDriver driver;
    private LinuxNetworkConfig config;
    private TestLab lab;
    private MetadataStub metadata;
    private String guest1;
    private String guest2;
    private String exthost;

    @BeforeAll
    void plumb() throws Exception {
        assumeTrue(HostProbe.isRoot(), "needs root (namespaces, links, nftables)");
        assumeTrue(HostProbe.probe().operational(), HostProbe.probe().reason());
        assumeTrue(!new HostCommands().run("ip", "-4", "addr", "show").output().contains(" 203.0.113."),
                "the host already has an address in 203.0.113.0/24, the test's external LAN");
        state = Files.createTempDirectory("kumo-" + tid);
        config = new LinuxNetworkConfig(state, Map.of("physnet1", externalBridge),
                state.resolve("run/metadata.sock"), 1450, "kumo-sg-" + tid);
        driver = new LinuxNetworkDriver(config);
        lab = new TestLab(tid);
        lab.ownLink(externalBridge);
        metadata = new MetadataStub(config.metadataSocket());
        assertThat(driver.ensureNetwork(Specs.tenantNetwork(privateNet, Specs.subnet("psub", "10.77.0.0/24", "10.77.0.1")))
                .status()).isEqualTo(DataPathStatus.ACTIVE);
        driver.ensureNetwork(Specs.flatNetwork(externalNet, "physnet1", new dev.kumo.spi.network.SubnetSpec("esub", 4,
                "203.0.113.0/24", "203.0.113.1", false, List.of(), List.of(), null)));
        driver.ensureSecurityGroup(new SecurityGroupSpec(groupId, true, baseRules));
        guest1 = lab.guest("g1", DeviceNames.tap(vm1.portId()), vm1.macAddress());
        guest2 = lab.guest("g2", DeviceNames.tap(vm2.portId()), vm2.macAddress());
        assertThat(driver.ensurePort(vm1).status()).isEqualTo(DataPathStatus.ACTIVE);
        assertThat(driver.ensurePort(vm2).status()).isEqualTo(DataPathStatus.ACTIVE);
        assertThat(driver.ensureRouter(router())).isEqualTo(DataPathStatus.ACTIVE);
        exthost = lab.externalHost(externalBridge, "203.0.113.10/24"); // .1 is the host's (the subnet gateway)
        lab.in(guest2, "ip", "addr", "add", "10.77.0.7/24", "dev", "eth0").orThrow("address of g2");
        lab.httpServer(guest1, 22, state.resolve("www22"), "vm1 port 22");
        lab.httpServer(guest1, 8080, state.resolve("www8080"), "vm1 port 8080");
    }

    private RouterSpec router() {
        return new RouterSpec(routerId, true, gateway, true, List.of(inside), List.of());
    }

    @Test
    @Order(1)
    void guestGetsItsLeaseWithTheNetworksMtu() throws Exception {
        Path script = state.resolve("udhcpc.script");
        Path lease = state.resolve("lease.txt");
        Files.writeString(script, """
                #!/bin/sh
                [ "$1" = bound ] || exit 0
                echo "ip=$ip mask=$mask router=$router dns=$dns mtu=$mtu routes=$staticroutes" > %s
                ip addr add $ip/$mask dev $interface
                ip link set $interface mtu $mtu
                ip route add default via $router
                """.formatted(lease));
        script.toFile().setExecutable(true);
        long started = System.nanoTime();
        lab.in(guest1, "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-T", "1", "-O", "mtu",
                "-O", "staticroutes", "-s", script.toString()).orThrow("get a lease");
        System.out.printf("DHCP lease in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(Files.readString(lease)).contains("ip=10.77.0.6 mask=24 router=10.77.0.1 dns=10.77.0.254 mtu=1450",
                "routes=169.254.169.254/32 10.77.0.1 0.0.0.0/0 10.77.0.1");
        assertThat(driver.inventory().networkIds()).contains(privateNet, externalNet);
        assertThat(driver.inventory().hasPort(vm1.portId())).isTrue();
        PortSpec routerPort = new PortSpec(inside.portId(), privateNet, inside.macAddress(),
                List.of(new dev.kumo.spi.network.PortAddress("psub", "10.77.0.1")), "network:router_interface", routerId,
                "", "normal", true, true, List.of(), List.of(), "host-10-77-0-1");
        assertThat(driver.ensurePort(routerPort).status()).as("a plumbed router's leg").isEqualTo(DataPathStatus.ACTIVE);
        Path dhcpDir = state.resolve("network/dhcp/" + privateNet);
        String pid = Files.readString(dhcpDir.resolve("pid"));
        PortSpec later = Specs.computePort(tid + "-vm3-0000", privateNet, "fa:16:3e:77:00:08", "psub", "10.77.0.8");
        PortSpec unbound = new PortSpec(later.portId(), privateNet, later.macAddress(), later.addresses(), "compute:nova",
                "", "", "normal", true, true, List.of(), List.of(), later.hostname());
        assertThat(driver.ensurePort(unbound).status()).isEqualTo(DataPathStatus.DOWN);
        assertThat(Files.readString(dhcpDir.resolve("host"))).contains("fa:16:3e:77:00:08,host-10-0-0-8".replace("10-0-0", "10-77-0"));
        assertThat(Files.readString(dhcpDir.resolve("pid"))).as("reloaded with SIGHUP, not restarted").isEqualTo(pid);
        driver.deletePort(new PortRef(later.portId(), privateNet));
        assertThat(Files.readString(dhcpDir.resolve("host"))).doesNotContain("fa:16:3e:77:00:08");
    }

    @Test
    @Order(2)
    void metadataReachesTheServiceWithTheTrustedHeaders() {
        String answer = lab.fetch(guest1, "http://169.254.169.254/latest/meta-data/", "X-Forwarded-For: 10.77.0.7",
                "X-Neutron-Router-ID: someone-else");
        assertThat(answer).isEqualTo("xff=10.77.0.6 router=" + routerId + " network=");
    }

    @Test
    @Order(3)
    void aNetworkWithoutRouterServesMetadataFromItsDhcpNamespace() throws Exception {
        driver.ensureNetwork(Specs.tenantNetwork(isolatedNet, Specs.subnet("isub", "10.78.0.0/24", "10.78.0.1")));
        PortSpec vm4 = Specs.computePort(tid + "-vm4-0000", isolatedNet, "fa:16:3e:78:00:06", "isub", "10.78.0.6", groupId);
        String guest4 = lab.guest("g4", DeviceNames.tap(vm4.portId()), vm4.macAddress());
        assertThat(driver.ensurePort(vm4).status()).isEqualTo(DataPathStatus.ACTIVE);
        Path script = state.resolve("udhcpc-routes.script");
        Files.writeString(script, """
                #!/bin/sh
                [ "$1" = bound ] || exit 0
                ip addr add $ip/$mask dev $interface
                set -- $staticroutes
                while [ $# -ge 2 ]; do ip route add $1 via $2 dev $interface; shift 2; done
                """);
        script.toFile().setExecutable(true);
        lab.in(guest4, "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-T", "1", "-O", "staticroutes",
                "-s", script.toString()).orThrow("get a lease on the isolated network");
        assertThat(lab.in(guest4, "ip", "route", "show", "169.254.169.254").output()).contains("via 10.78.0.254");
        assertThat(lab.fetch(guest4, "http://169.254.169.254/latest/meta-data/", "X-Neutron-Network-ID: " + privateNet))
                .isEqualTo("xff=10.78.0.6 router= network=" + isolatedNet);
        driver.deleteNetwork(isolatedNet);
        assertThat(state.resolve("network/metadata/" + isolatedNet)).doesNotExist();
    }

    @Test
    @Order(4)
    void routerSnatsTheSubnetToTheExternalHost() {
        countSources();
        assertThat(lab.ping(guest1, "203.0.113.10")).isTrue();
        assertThat(sourceCount("203.0.113.50")).isPositive();
    }

    @Test
    @Order(5)
    void floatingIpWorksBothWaysAndOnlyWhatTheGroupAllows() {
        assertThat(driver.ensureFloatingIp(fip)).isEqualTo(DataPathStatus.ACTIVE);
        assertThat(lab.ping(exthost, "203.0.113.51")).isTrue();
        assertThat(lab.fetch(exthost, "http://203.0.113.51:22/index.html")).isEqualTo("vm1 port 22");
        assertThat(lab.fetch(exthost, "http://203.0.113.51:8080/index.html")).isEmpty();
        lab.in(guest2, "ip", "route", "replace", "default", "via", "10.77.0.1").orThrow("default route of g2");
        assertThat(lab.fetch(guest2, "http://203.0.113.51:22/index.html")).as("hairpin").isEqualTo("vm1 port 22");
        long before = sourceCount("203.0.113.51");
        assertThat(lab.ping(guest1, "203.0.113.10")).isTrue();
        assertThat(sourceCount("203.0.113.51")).isGreaterThan(before);
    }

    @Test
    @Order(6)
    void ruleChangesApplyAndEastWestIsFilteredToo() {
        assertThat(lab.fetch(guest2, "http://10.77.0.6:8080/index.html")).isEmpty();
        List<SecurityRuleSpec> rules = new ArrayList<>(baseRules);
        rules.add(Specs.rule("web", "ingress", "tcp", 8080, 8080, "203.0.113.0/24", null));
        driver.ensureSecurityGroup(new SecurityGroupSpec(groupId, true, rules));
        assertThat(lab.fetch(exthost, "http://203.0.113.51:8080/index.html")).isEqualTo("vm1 port 8080");
        assertThat(lab.fetch(guest2, "http://10.77.0.6:8080/index.html")).isEmpty(); // not from 203.0.113.0/24
        driver.ensureSecurityGroup(new SecurityGroupSpec(groupId, true, baseRules));
        assertThat(lab.fetch(exthost, "http://203.0.113.51:8080/index.html")).isEmpty();
        assertThat(lab.fetch(guest2, "http://10.77.0.6:22/index.html")).isEqualTo("vm1 port 22");
    }

    @Test
    @Order(7)
    void removingARuleKeepsEstablishedConnectionsButRefusesNewOnes() throws Exception {
        List<SecurityRuleSpec> rules = new ArrayList<>(baseRules);
        rules.add(Specs.rule("chat", "ingress", "tcp", 2222, 2222, null, null));
        driver.ensureSecurityGroup(new SecurityGroupSpec(groupId, true, rules));
        Path received = state.resolve("received.txt");
        Process listener = new ProcessBuilder("ip", "netns", "exec", guest1, "busybox", "nc", "-l", "-p", "2222")
                .redirectOutput(received.toFile()).redirectErrorStream(false).start();
        Process client = null;
        try {
            Thread.sleep(300);
            client = new ProcessBuilder("ip", "netns", "exec", exthost, "busybox", "nc", "203.0.113.51", "2222").start();
            client.getOutputStream().write("before\n".getBytes());
            client.getOutputStream().flush();
            waitFor(received, "before");
            driver.ensureSecurityGroup(new SecurityGroupSpec(groupId, true, baseRules));
            client.getOutputStream().write("after\n".getBytes());
            client.getOutputStream().flush();
            assertThat(waitFor(received, "after")).as("the established connection survives the new ruleset").isTrue();
            assertThat(lab.run("ip", "netns", "exec", exthost, "timeout", "2", "busybox", "nc", "203.0.113.51", "2222")
                    .exitCode()).as("a new connection is refused by the new ruleset").isNotZero();
        } finally {
            listener.destroyForcibly();
            if (client != null) {
                client.destroyForcibly();
            }
        }
    }

    private static boolean waitFor(Path file, String text) throws Exception {
        for (int i = 0; i < 30; i++) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    @Order(8)
    void aGuestThatChangesItsAddressCannotTalk() {
        lab.in(guest2, "ip", "addr", "add", "10.77.0.99/24", "dev", "eth0").orThrow("spoofed address");
        assertThat(lab.ping(guest2, "10.77.0.1", "-I", "10.77.0.7")).isTrue();
        assertThat(lab.ping(guest2, "10.77.0.1", "-I", "10.77.0.99")).isFalse();
        driver.ensurePort(Specs.unsecuredPort(vm2));
        assertThat(lab.ping(guest2, "10.77.0.1", "-I", "10.77.0.99")).isTrue(); // port security off: no filter
        driver.ensurePort(vm2);
    }

    @Test
    @Order(9)
    void removingTheFloatingIpCutsItOff() {
        driver.deleteFloatingIp(fip.floatingIpId());
        assertThat(lab.ping(exthost, "203.0.113.51")).isFalse();
        assertThat(lab.run("ip", "-n", DeviceNames.routerNamespace(routerId), "-4", "addr", "show").output())
                .doesNotContain("203.0.113.51").contains("203.0.113.50/24");
    }

    @Test
    @Order(10)
    void wipedNamespacesComeBackOnTheNextEnsure() throws Exception {
        long oldProxy = Long.parseLong(Files.readString(state.resolve("network/metadata/" + routerId + "/haproxy.pid")).strip());
        long oldDnsmasq = Long.parseLong(Files.readString(state.resolve("network/dhcp/" + privateNet + "/pid")).strip());
        lab.run("ip", "netns", "del", DeviceNames.routerNamespace(routerId)).orThrow("wipe the router");
        lab.run("ip", "netns", "del", DeviceNames.dhcpNamespace(privateNet)).orThrow("wipe DHCP");
        // the daemons keep the unnamed namespaces alive: the data path still works, but nothing can manage it
        assertThat(lab.run("ip", "netns", "list").output()).doesNotContain(routerId).doesNotContain(privateNet);
        long started = System.nanoTime();
        driver.ensureNetwork(Specs.tenantNetwork(privateNet, Specs.subnet("psub", "10.77.0.0/24", "10.77.0.1")));
        driver.ensureRouter(router());
        driver.ensureFloatingIp(fip);
        System.out.printf("re-plumbed a wiped router and DHCP namespace in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(lab.run("ip", "netns", "list").output()).contains(routerId).contains(privateNet);
        assertThat(Daemons.alive(oldProxy)).as("orphaned haproxy still running").isFalse();
        assertThat(Daemons.alive(oldDnsmasq)).as("orphaned dnsmasq still running").isFalse();
        assertThat(lab.fetch(guest1, "http://169.254.169.254/latest/meta-data/")).contains("xff=10.77.0.6");
        assertThat(lab.ping(exthost, "203.0.113.51")).isTrue();
        lab.in(guest1, "ip", "addr", "flush", "dev", "eth0");
        lab.in(guest1, "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-T", "1", "-s",
                state.resolve("udhcpc.script").toString()).orThrow("a lease after the DHCP namespace was wiped");
    }

    @Test
    @Order(11)
    void aRestartedDriverFindsWhatItPlumbedAndConverges() {
        driver = new LinuxNetworkDriver(config); // kumo restarted: nothing in memory, everything still on the host
        assertThat(driver.inventory().networkIds()).contains(privateNet, externalNet);
        assertThat(driver.inventory().hasPort(vm1.portId())).isTrue();
        assertThat(driver.inventory().hasPort(vm2.portId())).isTrue();
        long started = System.nanoTime();
        driver.ensureSecurityGroup(new SecurityGroupSpec(groupId, true, baseRules));
        driver.ensureNetwork(Specs.tenantNetwork(privateNet, Specs.subnet("psub", "10.77.0.0/24", "10.77.0.1")));
        driver.ensureNetwork(Specs.flatNetwork(externalNet, "physnet1", new dev.kumo.spi.network.SubnetSpec("esub", 4,
                "203.0.113.0/24", "203.0.113.1", false, List.of(), List.of(), null)));
        driver.ensurePort(vm1);
        driver.ensurePort(vm2);
        driver.ensureRouter(router());
        driver.ensureFloatingIp(fip);
        System.out.printf("a restarted driver re-ensured everything in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(lab.fetch(exthost, "http://203.0.113.51:22/index.html")).isEqualTo("vm1 port 22");
        assertThat(lab.fetch(exthost, "http://203.0.113.51:8080/index.html")).isEmpty();
        assertThat(lab.fetch(guest1, "http://169.254.169.254/latest/meta-data/")).contains("router=" + routerId);
    }

    @Test
    @Order(12)
    void deletesLeaveNothingBehind() {
        driver.deleteFloatingIp(fip.floatingIpId());
        driver.deleteRouter(routerId);
        driver.deletePort(new PortRef(vm1.portId(), privateNet));
        driver.deletePort(new PortRef(vm2.portId(), privateNet));
        driver.deleteNetwork(privateNet);
        driver.deleteNetwork(externalNet);
        driver.deleteSecurityGroup(groupId);
        driver.deleteNetwork(privateNet); // nothing left: still fine
        driver.deleteRouter(routerId);
        String namespaces = lab.run("ip", "netns", "list").output();
        assertThat(namespaces).doesNotContain(routerId).doesNotContain(privateNet);
        String links = lab.run("ip", "-o", "link", "show").output();
        for (String name : List.of(DeviceNames.bridge(privateNet), DeviceNames.tap(vm1.portId()), DeviceNames.tap(vm2.portId()),
                DeviceNames.tap(inside.portId()), DeviceNames.tap(gateway.portId()), DhcpService.outsideName(privateNet))) {
            assertThat(links).doesNotContain(name + ":").doesNotContain(name + "@");
        }
        assertThat(lab.run("nft", "list", "tables").output()).doesNotContain("kumo-sg-" + tid);
        assertThat(state.resolve("network/dhcp/" + privateNet)).doesNotExist();
        assertThat(state.resolve("network/metadata/" + routerId)).doesNotExist();
        assertThat(driver.inventory().networkIds()).isEmpty();
        assertThat(driver.inventory().ports()).isEmpty();
    }

    private void countSources() {
        lab.in(exthost, "sh", "-c", "printf 'table ip count {\\n chain input {\\n type filter hook input priority 0; policy accept;\\n"
                + " ip saddr 203.0.113.50 counter\\n ip saddr 203.0.113.51 counter\\n }\\n}\\n' | nft -f -").orThrow("counters");
    }

    private long sourceCount(String source) {
        for (String line : lab.in(exthost, "nft", "list", "table", "ip", "count").output().split("\n")) {
            if (line.contains("ip saddr " + source + " counter")) {
                return Long.parseLong(line.replaceAll(".*packets (\\d+).*", "$1"));
            }
        }
        return -1;
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (driver != null) {
            for (Runnable step : List.<Runnable>of(() -> driver.deleteRouter(routerId),
                    () -> driver.deleteNetwork(privateNet), () -> driver.deleteNetwork(externalNet),
                    () -> driver.deleteNetwork(isolatedNet),
                    () -> driver.deleteSecurityGroup(groupId))) {
                try {
                    step.run();
                } catch (RuntimeException e) {
                    System.err.println("cleanup: " + e.getMessage());
                }
            }
            new HostCommands().run(List.of("nft", "-f", "-"), SecurityGroupRuleset.removal("kumo-sg-" + tid, "bridge")
                    + SecurityGroupRuleset.removal("kumo-sg-" + tid, "inet")
                + SecurityGroupRuleset.removal(HostGatewayAddresses.guardTableOf("kumo-sg-" + tid), "inet"));
        }
        if (lab != null) {
            lab.close();
        }
        if (metadata != null) {
            metadata.close();
        }
        if (state != null) {
            DriverFiles.deleteTree(state);
        }
    }
}
