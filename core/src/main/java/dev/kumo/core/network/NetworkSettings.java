package dev.kumo.core.network;

import java.util.List;
import java.util.Objects;

/**
 * How the network service behaves, with Neutron's defaults.
 *
 * @param tenantNetworkType     segment type of networks created without provider attributes ({@code vxlan})
 * @param tenantSegmentMin      first VNI (or VLAN id) handed to tenant networks
 * @param tenantSegmentMax      last one; when all are taken, network creation fails with 503
 * @param physicalNetworks      physical networks flat and vlan networks may use ({@code physnet1})
 * @param globalMtu             MTU of the physical network; overlays subtract their overhead (VXLAN 50)
 * @param availabilityZone      the one availability zone this cloud has ({@code nova}, as Neutron's default)
 * @param dnsDomain             domain of ports' DNS names ({@code openstacklocal.})
 * @param defaultNetworkQuota   networks per project unless overridden (-1 unlimited)
 * @param defaultSubnetQuota    subnets per project
 * @param defaultPortQuota      ports per project
 * @param maxDnsNameservers     per subnet
 * @param maxHostRoutes         per subnet
 * @param maxAllowedAddressPairs per port
 */
public record NetworkSettings(String tenantNetworkType, int tenantSegmentMin, int tenantSegmentMax,
                              List<String> physicalNetworks, int globalMtu, String availabilityZone, String dnsDomain,
                              int defaultNetworkQuota, int defaultSubnetQuota, int defaultPortQuota,
                              int maxDnsNameservers, int maxHostRoutes, int maxAllowedAddressPairs) {
    public NetworkSettings {
        Objects.requireNonNull(tenantNetworkType, "tenantNetworkType");
        if (tenantSegmentMin < 1 || tenantSegmentMax < tenantSegmentMin) {
            throw new IllegalArgumentException("tenant segment range " + tenantSegmentMin + ".." + tenantSegmentMax
                    + " is empty or starts below 1");
        }
        physicalNetworks = List.copyOf(physicalNetworks);
        if (globalMtu < 1280) {
            throw new IllegalArgumentException("global MTU " + globalMtu + " is below 1280, the IPv6 minimum");
        }
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        Objects.requireNonNull(dnsDomain, "dnsDomain");
    }

    /** Neutron's defaults: VXLAN VNIs 1 to 1000, physnet1, MTU 1500, quotas 100/100/500. */
    public static NetworkSettings defaults() {
        return new NetworkSettings("vxlan", 1, 1000, List.of("physnet1"), 1500, "nova", "openstacklocal.",
                100, 100, 500, 5, 20, 10);
    }

    public NetworkSettings withQuotas(int networks, int subnets, int ports) {
        return new NetworkSettings(tenantNetworkType, tenantSegmentMin, tenantSegmentMax, physicalNetworks, globalMtu,
                availabilityZone, dnsDomain, networks, subnets, ports, maxDnsNameservers, maxHostRoutes,
                maxAllowedAddressPairs);
    }

    public NetworkSettings withTenantSegments(int min, int max) {
        return new NetworkSettings(tenantNetworkType, min, max, physicalNetworks, globalMtu, availabilityZone,
                dnsDomain, defaultNetworkQuota, defaultSubnetQuota, defaultPortQuota, maxDnsNameservers, maxHostRoutes,
                maxAllowedAddressPairs);
    }
}
