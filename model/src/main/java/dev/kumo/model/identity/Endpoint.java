package dev.kumo.model.identity;

import java.util.Map;

/** {@code iface} is Keystone's {@code interface}: public, internal or admin. */
public record Endpoint(String id, String serviceId, String iface, String url, String regionId, boolean enabled,
                       Map<String, Object> extra) {
    public Endpoint {
        extra = Map.copyOf(extra);
    }
}
