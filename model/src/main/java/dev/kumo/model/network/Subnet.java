package dev.kumo.model.network;

import java.util.List;
import java.util.Objects;

/**
 * A Neutron subnet: an IPv4 or IPv6 range on a network.
 *
 * @param cidr            normalised (host bits cleared)
 * @param gatewayIp       null when the subnet has no gateway; may lie outside the CIDR, as Neutron allows
 * @param ipv6RaMode      {@code slaac}, {@code dhcpv6-stateful}, {@code dhcpv6-stateless} or null
 * @param ipv6AddressMode as {@code ipv6RaMode}; slaac and dhcpv6-stateless mean addresses derived from MACs
 * @param subnetpoolId    the subnet pool the CIDR was allocated from, or null
 */
public record Subnet(String id, String projectId, String networkId, String name, int ipVersion, String cidr,
                     String gatewayIp, boolean enableDhcp, String ipv6RaMode, String ipv6AddressMode,
                     List<String> dnsNameservers, List<HostRoute> hostRoutes, List<AllocationPool> allocationPools,
                     String subnetpoolId, StandardAttributes standard) {
    public Subnet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cidr, "cidr");
        dnsNameservers = List.copyOf(dnsNameservers);
        hostRoutes = List.copyOf(hostRoutes);
        allocationPools = List.copyOf(allocationPools);
        Objects.requireNonNull(standard, "standard");
    }

    /** SLAAC and DHCPv6-stateless subnets give every port an address derived from its MAC (EUI-64). */
    public boolean autoAddressed() {
        return ipVersion == 6 && ("slaac".equals(ipv6AddressMode) || "dhcpv6-stateless".equals(ipv6AddressMode));
    }

    public Subnet withStandard(StandardAttributes newStandard) {
        return new Subnet(id, projectId, networkId, name, ipVersion, cidr, gatewayIp, enableDhcp, ipv6RaMode,
                ipv6AddressMode, dnsNameservers, hostRoutes, allocationPools, subnetpoolId, newStandard);
    }
}
