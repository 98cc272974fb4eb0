package dev.kumo.spi.network;

import java.util.List;
import java.util.Objects;

/**
 * A subnet as the data path needs it: to serve DHCP on it and, later, to route it.
 *
 * @param cidr            normalised, e.g. {@code 10.0.0.0/24}
 * @param gatewayIp       the router address to hand out, or null for none (it may lie outside the CIDR)
 * @param dhcpEnabled     whether the network's DHCP service answers for this subnet
 * @param dnsNameservers  what DHCP hands out as DNS servers; empty means the DHCP service itself
 * @param ipv6AddressMode {@code slaac}, {@code dhcpv6-stateful}, {@code dhcpv6-stateless} or null
 */
public record SubnetSpec(String subnetId, int ipVersion, String cidr, String gatewayIp, boolean dhcpEnabled,
                         List<String> dnsNameservers, List<Route> hostRoutes, String ipv6AddressMode) {
    public SubnetSpec {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(cidr, "cidr");
        dnsNameservers = List.copyOf(dnsNameservers);
        hostRoutes = List.copyOf(hostRoutes);
    }
}
