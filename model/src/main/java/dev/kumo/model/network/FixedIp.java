package dev.kumo.model.network;

import java.util.Objects;

/** One address of a port, on one of its network's subnets. */
public record FixedIp(String subnetId, String ipAddress) {
    public FixedIp {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(ipAddress, "ipAddress");
    }
}
