package dev.kumo.core.identity.token;

import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.Set;

/**
 * Who proved their identity and how. {@code fixedScope} is set when the credential dictates the scope
 * (an application credential or a trust); {@code expiresAt} caps the new token; {@code trustId} is set
 * when the token acts through a trust ({@code user} is then the trustor when it impersonates).
 */
public record Authenticated(User user, Set<AuthMethod> methods, TokenScope fixedScope, String parentAuditId,
                            String applicationCredentialId, Instant expiresAt, String trustId) {
    public Authenticated {
        methods = Set.copyOf(methods);
    }

    public Authenticated(User user, Set<AuthMethod> methods, TokenScope fixedScope, String parentAuditId,
                         String applicationCredentialId, Instant expiresAt) {
        this(user, methods, fixedScope, parentAuditId, applicationCredentialId, expiresAt, null);
    }
}
