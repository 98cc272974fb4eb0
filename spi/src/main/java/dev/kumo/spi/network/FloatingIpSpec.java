package dev.kumo.spi.network;

import java.util.Objects;

/**
 * An associated floating IP: in the namespace of {@code routerId}, DNAT of {@code floatingIpAddress} to
 * {@code fixedIpAddress}, SNAT back, and ARP answered for the floating address on the external leg.
 */
public record FloatingIpSpec(String floatingIpId, String routerId, String externalNetworkId, String floatingIpAddress,
                             String portId, String fixedIpAddress) {
    public FloatingIpSpec {
        Objects.requireNonNull(floatingIpId, "floatingIpId");
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(externalNetworkId, "externalNetworkId");
        Objects.requireNonNull(floatingIpAddress, "floatingIpAddress");
        Objects.requireNonNull(portId, "portId");
        Objects.requireNonNull(fixedIpAddress, "fixedIpAddress");
    }
}
