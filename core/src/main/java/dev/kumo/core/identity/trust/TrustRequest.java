package dev.kumo.core.identity.trust;

import java.time.Instant;
import java.util.List;

/**
 * A {@code POST /v3/OS-TRUST/trusts} body. {@code roles} name roles by id or name ({@link RoleRef});
 * {@code impersonation} is required, as in Keystone.
 */
public record TrustRequest(String trustorUserId, String trusteeUserId, String projectId, Boolean impersonation,
                           Instant expiresAt, Integer remainingUses, List<RoleRef> roles) {
    public record RoleRef(String id, String name) {}
}
