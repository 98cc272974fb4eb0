package dev.kumo.core.identity.token;

import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.Set;

/**
 * Who proved their identity and how. {@code fixedScope} is set when the credential dictates the scope
 * (an application credential, a rescoped token keeps nothing); {@code expiresAt} caps the new token.
 */
public record Authenticated(User user, Set<AuthMethod> methods, TokenScope fixedScope, String parentAuditId,
                            String applicationCredentialId, Instant expiresAt) {
    public Authenticated {
        methods = Set.copyOf(methods);
    }
}
