package dev.kumo.driver.linux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.SubnetSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DhcpConfigTest {
    private static final Path DIR = Path.of("/state/network/dhcp/net-1");
    private final SubnetSpec subnet = Specs.subnet("sub-1", "10.0.0.0/24", "10.0.0.1");
    private final NetworkSpec network = Specs.tenantNetwork("net-1", subnet);

    private DhcpConfig config(boolean routed, NetworkSpec net) {
        return new DhcpConfig(net, "ns-net-1", DhcpService.dhcpAddresses(net, null, java.util.Set.of()),
                List.of(Specs.computePort("p1", "net-1", "fa:16:3e:00:00:06", "sub-1", "10.0.0.6")), routed, DIR);
    }

    @Test
    void commandLineIsNeutrons() {
        List<String> args = config(true, network).arguments();
        assertThat(args).contains("--interface=ns-net-1", "--bind-interfaces", "--no-resolv", "--conf-file=/dev/null",
                "--dhcp-range=set:subnet-sub-1,10.0.0.0,static,255.255.255.0,86400s",
                "--dhcp-option-force=option:mtu,1450", "--pid-file=/state/network/dhcp/net-1/pid",
                "--dhcp-leasefile=/state/network/dhcp/net-1/leases", "--domain=openstacklocal");
        assertThat(args.getFirst()).isEqualTo("dnsmasq");
    }

    @Test
    void hostsFileMapsMacToNameAndAddress() {
        assertThat(config(true, network).hostsFile()).isEqualTo("fa:16:3e:00:00:06,host-10-0-0-6.openstacklocal,10.0.0.6\n");
        assertThat(config(true, network).addnHostsFile()).isEqualTo("10.0.0.6\thost-10-0-0-6.openstacklocal host-10-0-0-6\n");
    }

    @Test
    void routedNetworkGetsMetadataRouteViaTheRouterAndDnsFromDhcp() {
        assertThat(config(true, network).optsFile()).isEqualTo("""
                tag:subnet-sub-1,option:dns-server,10.0.0.254
                tag:subnet-sub-1,option:router,10.0.0.1
                tag:subnet-sub-1,option:classless-static-route,169.254.169.254/32,10.0.0.1,0.0.0.0/0,10.0.0.1
                """);
    }

    @Test
    void isolatedNetworkGetsMetadataRouteViaDhcpAndConfiguredDns() {
        NetworkSpec withDns = Specs.tenantNetwork("net-1", Specs.subnet("sub-1", "10.0.0.0/24", "10.0.0.1", "192.0.2.53"));
        assertThat(config(false, withDns).optsFile()).isEqualTo("""
                tag:subnet-sub-1,option:dns-server,192.0.2.53
                tag:subnet-sub-1,option:router,10.0.0.1
                tag:subnet-sub-1,option:classless-static-route,169.254.169.254/32,10.0.0.254,0.0.0.0/0,10.0.0.1
                """);
    }

    @Test
    void dhcpAddressAvoidsTheGatewayAndPrefersTheDhcpPort() {
        NetworkSpec gatewayAtTop = Specs.tenantNetwork("n", Specs.subnet("s", "10.1.0.0/28", "10.1.0.14"));
        assertThat(DhcpService.dhcpAddresses(gatewayAtTop, null, Set.of())).isEqualTo(Map.of("s", "10.1.0.13"));
        assertThat(DhcpService.dhcpAddresses(gatewayAtTop, null, Set.of("10.1.0.13", "10.1.0.12")))
                .as("addresses held by ports are skipped").isEqualTo(Map.of("s", "10.1.0.11"));
        var dhcpPort = Specs.computePort("d", "n", "fa:16:3e:00:00:02", "s", "10.1.0.2");
        assertThat(DhcpService.dhcpAddresses(gatewayAtTop, dhcpPort, Set.of())).isEqualTo(Map.of("s", "10.1.0.2"));
    }

    @Test
    void subnetsWithoutDhcpAreNotServed() {
        NetworkSpec noDhcp = Specs.tenantNetwork("n", new SubnetSpec("s", 4, "10.2.0.0/24", null, false, List.of(),
                List.of(), null));
        assertThat(new DhcpConfig(noDhcp, "ns-n", Map.of(), List.of(), false, DIR).servedSubnets()).isEmpty();
    }
}
