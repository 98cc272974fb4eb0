package dev.kumo.core.identity.token;

import java.time.Instant;

/**
 * Revokes every token issued at or before {@code issuedBefore} that matches all non-null criteria: the
 * audit id (one token and the tokens exchanged from it), the user, the project, the application credential.
 */
public record RevocationEvent(String auditId, String userId, String projectId, String applicationCredentialId,
                              Instant issuedBefore) {

    public boolean revokes(TokenPayload token) {
        if (token.issuedAt().isAfter(issuedBefore)) {
            return false;
        }
        if (auditId != null && !auditId.equals(token.auditId())) {
            return false;
        }
        if (userId != null && !userId.equals(token.userId())) {
            return false;
        }
        if (projectId != null && !(token.scope().kind() == TokenScope.Kind.PROJECT
                && projectId.equals(token.scope().id()))) {
            return false;
        }
        return applicationCredentialId == null || applicationCredentialId.equals(token.applicationCredentialId());
    }
}
