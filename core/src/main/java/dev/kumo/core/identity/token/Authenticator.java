package dev.kumo.core.identity.token;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.password.PasswordHasher;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks passwords and application credential secrets. Unknown user, wrong secret and disabled user
 * all fail the same way, after the same amount of hashing work, so nobody learns which users exist.
 */
public final class Authenticator {
    static final String GENERIC_401 = "The request you have made requires authentication.";

    private final IdentityState state;
    private final PasswordHasher hasher;
    private final String dummyHash;

    public Authenticator(IdentityState state, PasswordHasher hasher) {
        this.state = Objects.requireNonNull(state, "state");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.dummyHash = hasher.hash("kumo-dummy-password-for-timing");
    }

    public Authenticated password(AuthRequest.PasswordCredentials creds, Instant now) {
        if (creds == null || creds.user() == null || creds.password() == null) {
            throw CloudError.badRequest("Expecting to find user and password in password authentication.");
        }
        IdentitySnapshot s = state.current();
        Optional<User> user = findUser(s, creds.user());
        String hash = user.flatMap(u -> state.store().read(tx -> tx.users().passwordHash(u.id()))).orElse(null);
        boolean verified = hasher.verify(creds.password(), hash == null ? dummyHash : hash) && hash != null;
        if (!verified || !usable(s, user.get())) {
            throw CloudError.unauthorized(GENERIC_401);
        }
        User u = user.get();
        if (u.passwordExpiresAt() != null && !now.isBefore(u.passwordExpiresAt())) {
            throw CloudError.unauthorized("The password is expired and needs to be changed for user: " + u.id() + ".");
        }
        return new Authenticated(u, EnumSet.of(AuthMethod.PASSWORD), null, null, null, null);
    }

    public Authenticated applicationCredential(AuthRequest.ApplicationCredentialCredentials creds, Instant now) {
        if (creds == null || creds.secret() == null || (creds.id() == null && creds.name() == null)) {
            throw CloudError.badRequest("Expecting to find id or name and secret in application_credential.");
        }
        IdentitySnapshot s = state.current();
        Optional<ApplicationCredential> found = creds.id() != null
                ? Optional.ofNullable(s.applicationCredentials().get(creds.id()))
                : findUser(s, creds.user()).flatMap(u -> s.applicationCredentials().values().stream()
                        .filter(c -> c.userId().equals(u.id()) && c.name().equals(creds.name())).findFirst());
        String hash = found.flatMap(c -> state.store().read(tx -> tx.applicationCredentials().secretHash(c.id())))
                .orElse(null);
        boolean verified = hasher.verify(creds.secret(), hash == null ? dummyHash : hash) && hash != null;
        Optional<User> user = found.flatMap(c -> s.user(c.userId()));
        if (!verified || user.isEmpty() || !usable(s, user.get())) {
            throw CloudError.unauthorized(GENERIC_401);
        }
        ApplicationCredential cred = found.get();
        if (cred.expiresAt() != null && !now.isBefore(cred.expiresAt())) {
            throw CloudError.unauthorized("Application credential " + cred.id() + " has expired.");
        }
        return new Authenticated(user.get(), EnumSet.of(AuthMethod.APPLICATION_CREDENTIAL),
                TokenScope.project(cred.projectId()), null, cred.id(), cred.expiresAt());
    }

    private static boolean usable(IdentitySnapshot s, User user) {
        return user.enabled() && s.domain(user.domainId()).map(Domain::enabled).orElse(false);
    }

    /** Resolves a user reference; a malformed reference is a 400, an unknown user is simply empty. */
    static Optional<User> findUser(IdentitySnapshot s, AuthRequest.UserRef ref) {
        if (ref == null) {
            throw CloudError.badRequest("Expecting to find user in the authentication request.");
        }
        if (ref.id() != null) {
            return s.user(ref.id());
        }
        if (ref.name() == null || ref.domain() == null) {
            throw CloudError.badRequest("User requires a domain when referenced by name: give user.domain.id or user.domain.name.");
        }
        return findDomain(s, ref.domain()).flatMap(d -> s.userByName(d.id(), ref.name()));
    }

    static Optional<Domain> findDomain(IdentitySnapshot s, AuthRequest.DomainRef ref) {
        if (ref.id() != null) {
            return s.domain(ref.id());
        }
        if (ref.name() == null) {
            throw CloudError.badRequest("Expecting to find domain id or name.");
        }
        return s.domainByName(ref.name());
    }

    static CloudException unauthorized() {
        return CloudError.unauthorized(GENERIC_401);
    }
}
