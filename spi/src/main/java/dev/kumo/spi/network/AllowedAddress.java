package dev.kumo.spi.network;

import java.util.Objects;

/** An extra source a port may send from: an address or CIDR, with the MAC it may use for it. */
public record AllowedAddress(String ipAddressOrCidr, String macAddress) {
    public AllowedAddress {
        Objects.requireNonNull(ipAddressOrCidr, "ipAddressOrCidr");
        Objects.requireNonNull(macAddress, "macAddress");
    }
}
