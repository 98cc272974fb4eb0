package dev.kumo.bench;

import dev.kumo.spi.network.AllowedAddress;
import dev.kumo.spi.network.L2Segment;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.NetworkType;
import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.SecurityRuleSpec;
import dev.kumo.spi.network.SubnetSpec;
import java.util.List;

/** The specs the network service would hand the driver, built directly for the data-path benchmark. */
final class DataPathSpecs {
    private DataPathSpecs() {}

    /**
     * A VXLAN tenant network with one /24 whose gateway is {@code .1}, without DHCP: the guests have static
     * addresses (leases are the data-path tests' concern), and a network without a {@code qdhcp-} namespace is
     * safe from the sweep of a kumo of an older build on the same host, which took every such namespace for its own.
     */
    static NetworkSpec tenantNetwork(String id, String cidr) {
        SubnetSpec subnet = new SubnetSpec(id + "-s", 4, cidr, cidr.replace("0/24", "1"), false, List.of(), List.of(), null);
        return new NetworkSpec(id, new L2Segment(NetworkType.VXLAN, null, 100), 1450, true, List.of(subnet));
    }

    /**
     * The external network on the benchmark's mapped bridge, without a gateway: the host then takes no address
     * and gets no route on it, and routers reach only the external LAN's own hosts.
     */
    static NetworkSpec externalNetwork(String id, String physnet, String cidr) {
        SubnetSpec subnet = new SubnetSpec(id + "-s", 4, cidr, null, false, List.of(), List.of(), null);
        return new NetworkSpec(id, new L2Segment(NetworkType.FLAT, physnet, null), 1500, true, List.of(subnet));
    }

    static PortSpec computePort(String id, NetworkSpec network, String mac, String ip, String group) {
        return new PortSpec(id, network.networkId(), mac, List.of(new PortAddress(network.subnets().getFirst().subnetId(), ip)),
                "compute:nova", "vm-" + id, "bench-host", "normal", true, true, List.of(group), List.<AllowedAddress>of(),
                "host-" + ip.replace('.', '-'));
    }

    static SecurityRuleSpec tcpIn(String id, int port, String prefix) {
        return new SecurityRuleSpec(id, "ingress", "IPv4", "tcp", port, port, prefix, null);
    }

    static SecurityRuleSpec allOut(String id) {
        return new SecurityRuleSpec(id, "egress", "IPv4", null, null, null, null, null);
    }

    static String mac(int a, int b) {
        return String.format("fa:16:3e:%02x:%02x:%02x", 0x60 + (a >> 8), a & 0xff, b & 0xff);
    }
}
