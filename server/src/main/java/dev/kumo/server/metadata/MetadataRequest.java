package dev.kumo.server.metadata;

import java.util.Objects;

/**
 * A request as the proxy forwarded it.
 *
 * @param forwardedFor the guest's address, as the proxy set {@code X-Forwarded-For}; null when absent
 * @param routerId     {@code X-Neutron-Router-ID} (the proxy runs in that router's namespace), or null
 * @param networkId    {@code X-Neutron-Network-ID} (the proxy runs in that network's DHCP namespace), or null
 */
public record MetadataRequest(String method, String path, String forwardedFor, String routerId, String networkId,
                              byte[] body) {
    public MetadataRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        body = body == null ? new byte[0] : body;
    }

    public static MetadataRequest get(String path, String forwardedFor, String routerId, String networkId) {
        return new MetadataRequest("GET", path, forwardedFor, routerId, networkId, null);
    }
}
