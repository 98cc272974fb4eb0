package dev.kumo.core.network.ipam;

/** One entry of a port's requested {@code fixed_ips}: a subnet, an address, or both (never neither). */
public record FixedIpRequest(String subnetId, String ipAddress) {
    public FixedIpRequest {
        if (subnetId == null && ipAddress == null) {
            throw new IllegalArgumentException("a fixed IP request names a subnet, an address or both");
        }
    }
}
