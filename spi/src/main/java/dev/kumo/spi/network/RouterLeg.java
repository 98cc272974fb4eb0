package dev.kumo.spi.network;

import java.util.List;
import java.util.Objects;

/**
 * One leg of a router: its port on a network, with the addresses it holds in CIDR notation
 * ({@code 10.0.0.1/24}), so that the driver can configure the interface and know the connected subnets.
 */
public record RouterLeg(String portId, String networkId, String macAddress, List<String> addresses) {
    public RouterLeg {
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(macAddress, "macAddress");
        addresses = List.copyOf(addresses);
    }
}
