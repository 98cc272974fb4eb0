package dev.kumo.spi.network;

import java.util.Objects;

/** One fixed IP of a port: DHCP answers the port's MAC with it; anti-spoofing lets the port send from it. */
public record PortAddress(String subnetId, String ipAddress) {
    public PortAddress {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }
}
