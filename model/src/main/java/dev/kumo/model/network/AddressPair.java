package dev.kumo.model.network;

import java.util.Objects;

/**
 * An extra address a port may send from (Neutron's allowed address pair): {@code ipAddress} is an address or a
 * CIDR, {@code macAddress} the port's own MAC unless another was given.
 */
public record AddressPair(String ipAddress, String macAddress) {
    public AddressPair {
        Objects.requireNonNull(ipAddress, "ipAddress");
        Objects.requireNonNull(macAddress, "macAddress");
    }
}
