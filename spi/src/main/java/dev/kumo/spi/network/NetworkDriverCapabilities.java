package dev.kumo.spi.network;

import java.util.Set;

/**
 * What a driver can do; the network service refuses requests that need more (a network type the driver
 * cannot carry is a 400, not a network stuck in ERROR).
 *
 * @param networkTypes      the segment types it can carry
 * @param physicalNetworks  the physical network names it has a host bridge for (flat and vlan need one)
 * @param dhcp              serves DHCP for DHCP-enabled subnets
 * @param securityGroups    enforces security groups and anti-spoofing
 * @param routing           plumbs routers and their SNAT (a later concern of the contract)
 * @param floatingIps       plumbs floating IPs (a later concern of the contract)
 * @param maxMtu            the largest MTU it can give a network without overlay overhead
 */
public record NetworkDriverCapabilities(Set<NetworkType> networkTypes, Set<String> physicalNetworks, boolean dhcp,
                                        boolean securityGroups, boolean routing, boolean floatingIps, int maxMtu) {
    public NetworkDriverCapabilities {
        networkTypes = Set.copyOf(networkTypes);
        physicalNetworks = Set.copyOf(physicalNetworks);
        if (maxMtu < 68) {
            // 68 is the smallest MTU IPv4 allows; anything less is a configuration mistake
            throw new IllegalArgumentException("maxMtu must be at least 68, got " + maxMtu);
        }
    }
}
