package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import dev.kumo.spi.network.SecurityRuleSpec;
import dev.kumo.spi.network.SubnetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The figures: a router with 10 interfaces and 100 floating IPs; 1,000 rules over 50 ports. */
@Tag("dataplane")
class LinuxNetworkDriverScaleTest {
    private final String tid = "s" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 4);
    private final List<String> networks = new ArrayList<>();
    private final List<String> groups = new ArrayList<>();
    private final String routerId = tid + "-router";
    private Path state;
    private LinuxNetworkDriver driver;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(HostProbe.isRoot(), "needs root (namespaces, links, nftables)");
        assumeTrue(HostProbe.probe().operational(), HostProbe.probe().reason());
        state = Files.createTempDirectory("kumo-scale-" + tid);
        driver = new LinuxNetworkDriver(new LinuxNetworkConfig(state, Map.of("physnet1", "brtest" + tid),
                state.resolve("run/metadata.sock"), 1450, "kumo-sg-" + tid));
    }

    private NetworkSpec network(int index, String cidr, boolean flat) {
        String id = tid + "-n" + String.format("%03d", index) + "-000";
        networks.add(id);
        // the flat (external) subnet has no gateway: the host would take it on the test bridge, with a route
        SubnetSpec subnet = new SubnetSpec(id + "-s", 4, cidr, flat ? null : cidr.replace("0/24", "1"), false, List.of(),
                List.of(), null);
        NetworkSpec spec = flat ? Specs.flatNetwork(id, "physnet1", subnet) : Specs.tenantNetwork(id, subnet);
        driver.ensureNetwork(spec);
        return spec;
    }

    @Test
    void routerWithTenInterfacesAndAHundredFloatingIps() {
        NetworkSpec external = network(0, "198.18.0.0/24", true);
        List<RouterLeg> legs = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            NetworkSpec net = network(i, "10.200." + i + ".0/24", false);
            legs.add(new RouterLeg(tid + "-if" + String.format("%02d", i) + "-00", net.networkId(), "fa:16:3e:20:00:" + String.format("%02x", i),
                    List.of("10.200." + i + ".1/24")));
        }
        RouterLeg gateway = new RouterLeg(tid + "-gw-0000", external.networkId(), "fa:16:3e:20:01:00", List.of("198.18.0.2/24"));
        long started = System.nanoTime();
        driver.ensureRouter(new RouterSpec(routerId, true, gateway, true, legs, List.of()));
        long routerMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            driver.ensureFloatingIp(new FloatingIpSpec(tid + "-fip-" + i, routerId, external.networkId(),
                    "198.18.0." + (100 + i), "p" + i, "10.200." + (1 + i % 10) + "." + (10 + i / 10)));
        }
        long fipMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("router with 10 interfaces: %d ms; 100 floating IPs one by one: %d ms (%.1f ms each)%n",
                routerMs, fipMs, fipMs / 100.0);
        String addresses = new HostCommands().run("ip", "-n", DeviceNames.routerNamespace(routerId), "-4", "-o", "addr",
                "show", "dev", DeviceNames.routerGateway(gateway.portId())).output();
        assertThat(addresses.lines().filter(l -> l.contains("/32")).count()).isEqualTo(100);
    }

    @Test
    void thousandRulesOverFiftyPorts() {
        NetworkSpec net = network(1, "10.201.0.0/24", false);
        for (int g = 0; g < 50; g++) {
            List<SecurityRuleSpec> rules = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                rules.add(Specs.rule("r" + r, "ingress", "tcp", 1000 + r, 1000 + r, "10." + g + ".0.0/16", null));
            }
            String group = tid + "-g" + g;
            groups.add(group);
            driver.ensureSecurityGroup(new SecurityGroupSpec(group, true, rules));
        }
        long started = System.nanoTime();
        for (int p = 0; p < 50; p++) {
            PortSpec port = Specs.computePort(tid + "-p" + String.format("%02d", p) + "-000", net.networkId(),
                    String.format("fa:16:3e:21:00:%02x", p), net.subnets().getFirst().subnetId(), "10.201.0." + (10 + p),
                    tid + "-g" + p);
            driver.ensurePort(port);
        }
        long portsMs = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        List<SecurityRuleSpec> changed = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            changed.add(Specs.rule("r" + r, "ingress", "udp", 2000 + r, 2000 + r, null, tid + "-g1"));
        }
        driver.ensureSecurityGroup(new SecurityGroupSpec(tid + "-g0", true, changed));
        long changeMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("50 ports with 20 rules each (1,000 rules), plugged one by one: %d ms; one group changed "
                + "(whole ruleset re-applied): %d ms%n", portsMs, changeMs);
        String ruleset = new HostCommands().run("nft", "list", "table", "inet", "kumo-sg-" + tid).output();
        assertThat(ruleset.lines().filter(l -> l.contains("accept")).count()).isGreaterThanOrEqualTo(1000);
    }

    @AfterEach
    void tearDown() {
        if (driver == null) {
            return;
        }
        driver.deleteRouter(routerId);
        networks.forEach(driver::deleteNetwork);
        groups.forEach(driver::deleteSecurityGroup);
        HostCommands host = new HostCommands();
        host.run(List.of("nft", "-f", "-"), SecurityGroupRuleset.removal("kumo-sg-" + tid, "bridge")
                + SecurityGroupRuleset.removal("kumo-sg-" + tid, "inet")
                + SecurityGroupRuleset.removal(HostGatewayAddresses.guardTableOf("kumo-sg-" + tid), "inet"));
        if (host.run("ip", "link", "show", "dev", "brtest" + tid).succeeded()) {
            host.run("ip", "link", "del", "dev", "brtest" + tid);
        }
        DriverFiles.deleteTree(state);
    }
}
