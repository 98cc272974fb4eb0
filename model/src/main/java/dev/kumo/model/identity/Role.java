package dev.kumo.model.identity;

import java.util.Map;

/** A role; {@code domainId} is null for global roles (Keystone's default). */
public record Role(String id, String name, String domainId, String description, Map<String, Object> extra) {
    public Role {
        extra = Map.copyOf(extra);
    }
}
