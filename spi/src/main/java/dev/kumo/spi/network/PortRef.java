package dev.kumo.spi.network;

import java.util.Objects;

/** Names a port to unplug; the network says where its leftovers (DHCP host entry, filters) live. */
public record PortRef(String portId, String networkId) {
    public PortRef {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(networkId, "networkId");
    }
}
