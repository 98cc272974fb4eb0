package dev.kumo.core.identity.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything a token carries. {@code auditId} names this token; {@code parentAuditId} is the audit id of
 * the token it was exchanged from (Keystone's audit chain), null otherwise. {@code trustId} is set for tokens
 * obtained through an OS-TRUST trust.
 */
public record TokenPayload(String userId, Set<AuthMethod> methods, TokenScope scope, Instant issuedAt,
                           Instant expiresAt, String auditId, String parentAuditId, String applicationCredentialId,
                           String trustId) {
    public TokenPayload {
        methods = Set.copyOf(methods);
    }

    /** Keystone's {@code audit_ids}: this token's id, then the chain's first. */
    public List<String> auditIds() {
        List<String> ids = new ArrayList<>(2);
        ids.add(auditId);
        if (parentAuditId != null) {
            ids.add(parentAuditId);
        }
        return ids;
    }
}
