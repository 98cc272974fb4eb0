package dev.kumo.spi.network;

import java.util.Set;

/**
 * What a driver has plumbed, found from the host itself (names derive from owner ids), so that the
 * service can sweep what no longer belongs to any resource.
 */
public record DataPathInventory(Set<String> networkIds, Set<PortRef> ports) {
    public DataPathInventory {
        networkIds = Set.copyOf(networkIds);
        ports = Set.copyOf(ports);
    }

    public boolean hasPort(String portId) {
        return ports.stream().anyMatch(p -> p.portId().equals(portId));
    }
}
