package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.spi.network.SubnetSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The host's gateway addresses on a mapped bridge follow the external subnets (as the walkthrough recreates
 * public_subnet with its own range), an address the operator gave the bridge stays, and the forwarding guard
 * names the bridge. On a bridge of the test's own (benchmark ranges 198.18.0.0/15), deleted at the end.
 */
@Tag("dataplane")
class HostGatewayAddressesTest {
    private final String tid = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 5);
    private final String bridge = "brhga" + tid;
    private final String table = "kumo-sg-h" + tid;
    private final HostCommands host = new HostCommands();
    private Path state;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(HostProbe.isRoot(), "needs root (links, nftables)");
        state = Files.createTempDirectory("kumo-hga-" + tid);
        host.run("ip", "link", "add", bridge, "type", "bridge").orThrow("create " + bridge);
        host.run("ip", "addr", "add", "198.18.7.5/24", "dev", bridge).orThrow("operator address");
    }

    @AfterEach
    void tearDown() {
        if (state == null) {
            return;
        }
        host.run(List.of("nft", "-f", "-"), SecurityGroupRuleset.removal(HostGatewayAddresses.guardTableOf(table), "inet"));
        host.run("ip", "link", "del", bridge);
        host.run("ip", "link", "del", bridge + "o");
        DriverFiles.deleteTree(state);
    }

    private static SubnetSpec subnet(String id, String cidr, String gateway) {
        return new SubnetSpec(id, 4, cidr, gateway, false, List.of(), List.of(), null);
    }

    @Test
    void gatewayAddressesFollowTheSubnetsAndLeaveTheOperatorsAlone() {
        var addresses = new HostGatewayAddresses(host, state, HostGatewayAddresses.guardTableOf(table));
        var links = new DeviceLinks(host);
        addresses.ensure("net1", bridge, List.of(subnet("s1", "198.19.4.0/24", "198.19.4.1")));
        assertThat(links.addresses(null, bridge)).containsExactlyInAnyOrder("198.18.7.5/24", "198.19.4.1/24");

        addresses.ensure("net1", bridge, List.of(subnet("s2", "198.19.8.0/24", "198.19.8.1"),
                subnet("outside", "198.19.9.0/24", "10.9.9.9")));
        assertThat(links.addresses(null, bridge)).as("recreated with another range; a gateway outside its CIDR is skipped")
                .containsExactlyInAnyOrder("198.18.7.5/24", "198.19.8.1/24");

        addresses.guard(List.of(bridge));
        assertThat(host.run("nft", "list", "table", "inet", HostGatewayAddresses.guardTableOf(table)).output())
                .contains("iifname \"" + bridge + "\"").contains("drop");

        addresses.remove("net1");
        assertThat(links.addresses(null, bridge)).containsExactly("198.18.7.5/24");
    }

    @Test
    void aRangeOfTheHostsOwnLanGetsNoAddress() {
        // another interface (the host's LAN) in 198.18.9.0/24: kumo must not take its gateway's address
        host.run("ip", "link", "add", bridge + "o", "type", "bridge").orThrow("create the other link");
        host.run("ip", "addr", "add", "198.18.9.5/24", "dev", bridge + "o").orThrow("LAN address");
        var addresses = new HostGatewayAddresses(host, state, HostGatewayAddresses.guardTableOf(table));
        addresses.ensure("net2", bridge, List.of(subnet("lan", "198.18.9.0/24", "198.18.9.1")));
        assertThat(new DeviceLinks(host).addresses(null, bridge)).containsExactly("198.18.7.5/24");
    }
}
