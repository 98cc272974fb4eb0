package dev.kumo.model.identity;

import java.time.Instant;
import java.util.Map;

/** A user as the API shows it; the password hash never leaves the store. */
public record User(String id, String name, String domainId, boolean enabled, String defaultProjectId,
                   String description, String email, Instant passwordExpiresAt, Instant passwordChangedAt,
                   Map<String, Object> extra) {
    public User {
        extra = Map.copyOf(extra);
    }
}
