package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.network.DataPathInventory;
import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import dev.kumo.spi.network.SubnetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Two projects on the same CIDR (10.0.0.0/24), each network behind its own router with a gateway on one shared
 * external bridge, a guest with the same address 10.0.0.5 on each (and a second guest 10.0.0.6 on B): each
 * guest gets its own lease and metadata identity, reaches only its own network, and each floating IP leads to
 * its own guest. Then one router is "deleted while kumo was down": a new driver lists it and removing it (as
 * the service's sweep does) leaves no namespace and no haproxy, while re-ensuring the other router keeps its
 * floating IP answering before the floating IP itself is re-ensured. The external subnet has no gateway, so the host
 * gets no address or route; every object carries the random test id and is deleted by name.
 */
@Tag("dataplane")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LinuxNetworkDriverTenantTest {
    private final String tid = "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 4);
    private final String externalBridge = "brtest" + tid;
    private final String externalNet = tid + "-enet-0000";
    private final String groupId = tid + "-sg";
    private final Tenant a = new Tenant("a", "10");
    private final Tenant b = new Tenant("b", "20");
    private final PortSpec b2 = Specs.computePort(tid + "-b2vm-000", b.network, "fa:16:3e:20:00:06", "bsub", "10.0.0.6", groupId);

    private Path state;
    private LinuxNetworkConfig config;
    private LinuxNetworkDriver driver;
    private TestLab lab;
    private MetadataStub metadata;
    private String guestB2;
    private String exthost;

    /** One project's network, guest port, router and floating IP; {@code macByte} keeps their MACs apart. */
    private final class Tenant {
        final String name;
        final String network;
        final String routerId;
        final PortSpec vm;
        final RouterLeg inside;
        final RouterLeg gateway;
        final FloatingIpSpec fip;
        String guest;

        Tenant(String name, String macByte) {
            this.name = name;
            this.network = tid + "-" + name + "net-000";
            this.routerId = tid + "-" + name + "router";
            this.vm = Specs.computePort(tid + "-" + name + "vm-0000", network, "fa:16:3e:" + macByte + ":00:05",
                    name + "sub", "10.0.0.5", groupId);
            this.inside = new RouterLeg(tid + "-" + name + "rif-000", network, "fa:16:3e:" + macByte + ":00:01",
                    List.of("10.0.0.1/24"));
            String external = name.equals("a") ? "198.51.100.10" : "198.51.100.20";
            this.gateway = new RouterLeg(tid + "-" + name + "rgw-000", externalNet, "fa:16:3e:" + macByte + ":01:01",
                    List.of(external + "/24"));
            this.fip = new FloatingIpSpec(tid + "-" + name + "fip", routerId, externalNet,
                    name.equals("a") ? "198.51.100.11" : "198.51.100.21", vm.portId(), "10.0.0.5");
        }

        RouterSpec router() {
            return new RouterSpec(routerId, true, gateway, true, List.of(inside), List.of());
        }

        void plumb() throws Exception {
            assertThat(driver.ensureNetwork(Specs.tenantNetwork(network, Specs.subnet(name + "sub", "10.0.0.0/24", "10.0.0.1")))
                    .status()).isEqualTo(DataPathStatus.ACTIVE);
            guest = lab.guest(name, DeviceNames.tap(vm.portId()), vm.macAddress());
            assertThat(driver.ensurePort(vm).status()).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(driver.ensureRouter(router())).isEqualTo(DataPathStatus.ACTIVE);
            assertThat(driver.ensureFloatingIp(fip)).isEqualTo(DataPathStatus.ACTIVE);
            lab.httpServer(guest, 8080, state.resolve("www-" + name), "guest of " + name);
        }
    }

    @BeforeAll
    void plumb() throws Exception {
        assumeTrue(HostProbe.isRoot(), "needs root (namespaces, links, nftables)");
        assumeTrue(HostProbe.probe().operational(), HostProbe.probe().reason());
        assumeTrue(!new HostCommands().run("ip", "-4", "addr", "show").output().contains(" 198.51.100."),
                "the host already has an address in 198.51.100.0/24, the test's external LAN");
        state = Files.createTempDirectory("kumo-" + tid);
        config = new LinuxNetworkConfig(state, Map.of("physnet1", externalBridge), state.resolve("run/metadata.sock"),
                1450, "kumo-sg-" + tid);
        driver = new LinuxNetworkDriver(config);
        lab = new TestLab(tid);
        lab.ownLink(externalBridge);
        metadata = new MetadataStub(config.metadataSocket());
        driver.ensureNetwork(Specs.flatNetwork(externalNet, "physnet1",
                new SubnetSpec("esub", 4, "198.51.100.0/24", null, false, List.of(), List.of(), null)));
        driver.ensureSecurityGroup(new SecurityGroupSpec(groupId, true, List.of(
                Specs.rule("icmp", "ingress", "icmp", null, null, null, null),
                Specs.rule("web", "ingress", "tcp", 8080, 8080, null, null),
                Specs.rule("out", "egress", null, null, null, null, null))));
        a.plumb();
        b.plumb();
        guestB2 = lab.guest("b2", DeviceNames.tap(b2.portId()), b2.macAddress());
        assertThat(driver.ensurePort(b2).status()).isEqualTo(DataPathStatus.ACTIVE);
        lab.in(guestB2, "ip", "addr", "add", "10.0.0.6/24", "dev", "eth0").orThrow("address of b2");
        exthost = lab.externalHost(externalBridge, "198.51.100.2/24");
    }

    @Test
    @Order(1)
    void eachGuestGetsTheSameAddressFromItsOwnDhcpService() throws Exception {
        Path script = state.resolve("udhcpc.script");
        Files.writeString(script, """
                #!/bin/sh
                [ "$1" = bound ] || exit 0
                echo "ip=$ip router=$router dns=$dns serverid=$serverid" > %s/lease-$(ip netns identify)
                ip addr add $ip/$mask dev $interface
                ip route add default via $router
                """.formatted(state));
        script.toFile().setExecutable(true);
        for (Tenant t : List.of(a, b)) {
            lab.in(t.guest, "busybox", "udhcpc", "-i", "eth0", "-n", "-q", "-f", "-t", "5", "-T", "1", "-s",
                    script.toString()).orThrow("get a lease on " + t.name);
            assertThat(Files.readString(state.resolve("lease-" + t.guest))).contains("ip=10.0.0.5 router=10.0.0.1");
        }
        for (Tenant t : List.of(a, b)) {
            Path hosts = state.resolve("network/dhcp/" + t.network + "/host");
            assertThat(Files.readString(hosts)).as("each dnsmasq knows only its own network's ports")
                    .contains(t.vm.macAddress()).doesNotContain((t == a ? b : a).vm.macAddress());
        }
    }

    @Test
    @Order(2)
    void aGuestReachesOnlyItsOwnNetwork() {
        assertThat(lab.ping(guestB2, "10.0.0.5")).as("B's guests reach each other").isTrue();
        assertThat(neighbourMac(guestB2, "10.0.0.5")).isEqualTo(b.vm.macAddress());
        assertThat(lab.fetch(guestB2, "http://10.0.0.5:8080/index.html")).isEqualTo("guest of b");
        assertThat(lab.ping(a.guest, "10.0.0.6")).as("A cannot reach B's other guest").isFalse();
        assertThat(lab.ping(a.guest, "10.0.0.1")).isTrue();
        assertThat(neighbourMac(a.guest, "10.0.0.1")).as("A's gateway is A's router").isEqualTo(a.inside.macAddress());
        assertThat(lab.ping(b.guest, "10.0.0.1")).isTrue();
        assertThat(neighbourMac(b.guest, "10.0.0.1")).isEqualTo(b.inside.macAddress());
        assertThat(lab.run("bridge", "fdb", "show", "br", DeviceNames.bridge(a.network)).output())
                .as("no frame of B's guests ever reached A's bridge").doesNotContain(b.vm.macAddress())
                .doesNotContain(b2.macAddress());
    }

    @Test
    @Order(3)
    void eachGuestHasItsOwnRoutersMetadataIdentity() {
        assertThat(lab.fetch(a.guest, "http://169.254.169.254/latest/meta-data/"))
                .isEqualTo("xff=10.0.0.5 router=" + a.routerId + " network=");
        assertThat(lab.fetch(b.guest, "http://169.254.169.254/latest/meta-data/"))
                .isEqualTo("xff=10.0.0.5 router=" + b.routerId + " network=");
    }

    @Test
    @Order(4)
    void eachFloatingIpLeadsToItsOwnGuest() {
        assertThat(lab.fetch(exthost, "http://198.51.100.11:8080/index.html")).isEqualTo("guest of a");
        assertThat(lab.fetch(exthost, "http://198.51.100.21:8080/index.html")).isEqualTo("guest of b");
    }

    @Test
    @Order(5)
    void aRouterDeletedWhileKumoWasDownIsFoundAndSwept() throws Exception {
        long proxy = Long.parseLong(Files.readString(state.resolve("network/metadata/" + b.routerId + "/haproxy.pid")).strip());
        driver = new LinuxNetworkDriver(config); // kumo restarted; meanwhile router B and its floating IP were deleted
        DataPathInventory found = driver.inventory();
        assertThat(found.routerIds()).contains(a.routerId, b.routerId);
        assertThat(found.floatingIpIds()).contains(a.fip.floatingIpId(), b.fip.floatingIpId());
        // what the service's sweep does with what the database no longer has
        driver.deleteFloatingIp(b.fip.floatingIpId());
        driver.deleteRouter(b.routerId);
        assertThat(lab.run("ip", "netns", "list").output()).doesNotContain(DeviceNames.routerNamespace(b.routerId))
                .contains(DeviceNames.routerNamespace(a.routerId));
        assertThat(Daemons.alive(proxy)).as("router B's haproxy").isFalse();
        assertThat(state.resolve("network/metadata/" + b.routerId)).doesNotExist();
        assertThat(driver.inventory().routerIds()).doesNotContain(b.routerId).contains(a.routerId);
        assertThat(driver.inventory().floatingIpIds()).containsExactly(a.fip.floatingIpId());
        assertThat(lab.fetch(exthost, "http://198.51.100.21:8080/index.html")).isEmpty();
        // the reconciliation goes on with the routers, before their floating IPs: A's stays in place meanwhile
        driver.ensureNetwork(Specs.flatNetwork(externalNet, "physnet1",
                new SubnetSpec("esub", 4, "198.51.100.0/24", null, false, List.of(), List.of(), null)));
        driver.ensureNetwork(Specs.tenantNetwork(a.network, Specs.subnet("asub", "10.0.0.0/24", "10.0.0.1")));
        driver.ensureRouter(a.router());
        assertThat(lab.fetch(exthost, "http://198.51.100.11:8080/index.html")).isEqualTo("guest of a");
    }

    private String neighbourMac(String ns, String address) {
        String line = lab.in(ns, "ip", "neigh", "show", address).output().strip();
        return line.replaceAll(".*lladdr (\\S+).*", "$1");
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (driver != null) {
            for (Runnable step : List.<Runnable>of(() -> driver.deleteRouter(a.routerId), () -> driver.deleteRouter(b.routerId),
                    () -> driver.deleteNetwork(a.network), () -> driver.deleteNetwork(b.network),
                    () -> driver.deleteNetwork(externalNet), () -> driver.deleteSecurityGroup(groupId))) {
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
