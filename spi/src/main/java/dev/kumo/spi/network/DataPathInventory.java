package dev.kumo.spi.network;

import java.util.Set;

/**
 * What a driver has plumbed, found from the host itself (names derive from owner ids), so that the
 * service can sweep what no longer belongs to any resource: a router or floating IP deleted while kumo was
 * down is found here as well as a network or port.
 */
public record DataPathInventory(Set<String> networkIds, Set<PortRef> ports, Set<String> routerIds,
                                Set<String> floatingIpIds) {
    public DataPathInventory {
        networkIds = Set.copyOf(networkIds);
        ports = Set.copyOf(ports);
        routerIds = Set.copyOf(routerIds);
        floatingIpIds = Set.copyOf(floatingIpIds);
    }

    /** A driver without routers. */
    public DataPathInventory(Set<String> networkIds, Set<PortRef> ports) {
        this(networkIds, ports, Set.of(), Set.of());
    }

    public boolean hasPort(String portId) {
        return ports.stream().anyMatch(p -> p.portId().equals(portId));
    }
}
