package dev.kumo.core.network.port;

import java.util.Objects;

/** An allowed address pair as requested: the MAC may be omitted (the port's own is meant). */
public record AddressPairRequest(String ipAddress, String macAddress) {
    public AddressPairRequest {
        Objects.requireNonNull(ipAddress, "ipAddress");
    }
}
