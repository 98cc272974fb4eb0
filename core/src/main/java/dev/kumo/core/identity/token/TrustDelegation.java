package dev.kumo.core.identity.token;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Trust;
import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.Optional;

/** Authentication through an OS-TRUST trust: who the token is for, and whether the trust still holds. */
final class TrustDelegation {
    private TrustDelegation() {}

    /**
     * The trustee, authenticated as {@code who}, asks for a token through {@code trustId}: the token is for
     * the trustor when the trust impersonates (else for the trustee), on the trust's project, no longer than
     * the trust lasts.
     */
    static Authenticated through(IdentitySnapshot s, Authenticated who, String trustId, Instant now) {
        if (who.applicationCredentialId() != null || who.trustId() != null) {
            throw CloudError.forbidden("Only a user's own password or token can be used with a trust.");
        }
        Trust trust = usable(s, trustId, now).orElseThrow(() -> CloudError.unauthorized(
                "Trust " + trustId + " does not exist, has expired, or its parties are disabled."));
        if (!who.user().id().equals(trust.trusteeUserId())) {
            throw CloudError.forbidden("User %s is not the trustee of trust %s.", who.user().id(), trustId);
        }
        if (trust.projectId() == null) {
            throw CloudError.forbidden("Trust %s names no project, so it cannot scope a token.", trustId);
        }
        User user = trust.impersonation() ? s.user(trust.trustorUserId()).orElseThrow() : who.user();
        Instant expires = who.expiresAt();
        if (trust.expiresAt() != null && (expires == null || trust.expiresAt().isBefore(expires))) {
            expires = trust.expiresAt();
        }
        return new Authenticated(user, who.methods(), TokenScope.project(trust.projectId()), who.parentAuditId(),
                null, expires, trust.id());
    }

    /** The trust if it exists, has not expired, and both its users are enabled. */
    static Optional<Trust> usable(IdentitySnapshot s, String trustId, Instant now) {
        return Optional.ofNullable(s.trusts().get(trustId))
                .filter(t -> !t.expiredAt(now))
                .filter(t -> s.user(t.trustorUserId()).map(User::enabled).orElse(false))
                .filter(t -> s.user(t.trusteeUserId()).map(User::enabled).orElse(false));
    }
}
