package dev.kumo.core.identity.appcred;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.password.PasswordHasher;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Application credentials under {@code /v3/users/{user_id}/application_credentials}. Users create them
 * for themselves only, from a project-scoped token, delegating at most that token's roles; an application
 * credential's own token may manage credentials only when that credential is unrestricted.
 */
public final class ApplicationCredentialService {
    /** Keystone's secret: 64 random bytes, URL-safe base64 without padding. */
    private static final int SECRET_BYTES = 64;

    private final IdentityState state;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApplicationCredentialService(IdentityState state, PasswordHasher hasher, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CreatedApplicationCredential create(Token caller, String userId, NewApplicationCredential in) {
        Policy.require(caller.userId().equals(userId), "identity:create_application_credential");
        requireUnrestricted(caller);
        if (caller.projectId() == null) {
            throw CloudError.badRequest("Invalid application credential: it delegates roles on a project, so it "
                    + "must be created with a project-scoped token.");
        }
        String name = Validation.name(in.name(), "name");
        Instant expiresAt = in.expiresAt() == null ? null : in.expiresAt().truncatedTo(ChronoUnit.MICROS);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw CloudError.badRequest("The 'expires_at' must not be before now: %s has passed.", in.expiresAt());
        }
        String secret = in.secret() == null || in.secret().isEmpty() ? newSecret() : in.secret();
        // bcrypt is deliberately slow: hash before the write transaction, which serialises all writers
        String secretHash = hasher.hash(secret);
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            List<String> roleIds = delegatedRoles(s, caller, in.roles());
            s.applicationCredentials().values().stream()
                    .filter(c -> c.userId().equals(userId) && c.name().equals(name)).findFirst().ifPresent(c -> {
                        throw CloudError.conflict("Conflict", "Conflict occurred attempting to store "
                                + "application_credential - Duplicate name, %s: this user already has an application "
                                + "credential with that name.", name);
                    });
            var credential = new ApplicationCredential(Ids.newId(), name, userId, caller.projectId(),
                    in.description(), expiresAt, Boolean.TRUE.equals(in.unrestricted()), roleIds);
            tx.applicationCredentials().insert(credential, secretHash);
            return new CreatedApplicationCredential(credential, secret);
        });
    }

    public List<ApplicationCredential> list(Token caller, String userId, String name) {
        Policy.requireReaderOrOwner(caller, userId, "identity:list_application_credentials");
        return state.current().applicationCredentials().values().stream()
                .filter(c -> c.userId().equals(userId) && (name == null || name.equals(c.name()))).toList();
    }

    public ApplicationCredential get(Token caller, String userId, String id) {
        Policy.requireReaderOrOwner(caller, userId, "identity:get_application_credential");
        return find(state.current(), userId, id);
    }

    /** Deleting it also ends its tokens: validation checks that the credential still exists. */
    public void delete(Token caller, String userId, String id) {
        Policy.requireAdminOrOwner(caller, userId, "identity:delete_application_credential");
        requireUnrestricted(caller);
        state.store().write(tx -> {
            find(state.current(), userId, id);
            tx.applicationCredentials().delete(id);
            return null;
        });
    }

    /** A credential of that user; someone else's credential is as unknown as a missing one. */
    public static ApplicationCredential find(IdentitySnapshot s, String userId, String id) {
        ApplicationCredential c = id == null ? null : s.applicationCredentials().get(id);
        if (c == null || !c.userId().equals(userId)) {
            throw CloudError.notFound("ApplicationCredentialNotFound", "Could not find Application Credential: %s.", id);
        }
        return c;
    }

    /**
     * The role ids to delegate: every role of the caller's token when none are named, else the named ones,
     * each of which the token must carry (Keystone: no escalation beyond what the creator holds now).
     */
    private static List<String> delegatedRoles(IdentitySnapshot s, Token caller, List<RoleRef> asked) {
        if (asked == null || asked.isEmpty()) {
            return caller.roles().stream().map(Role::id).toList();
        }
        Set<String> held = new LinkedHashSet<>(caller.roles().stream().map(Role::id).toList());
        Set<String> ids = new LinkedHashSet<>();
        for (RoleRef ref : asked) {
            String id = ref.id() != null ? ref.id() : s.globalRoleByName(ref.name()).map(Role::id).orElseThrow(() ->
                    CloudError.notFound("RoleNotFound", "Could not find role: %s.", ref.name()));
            if (!held.contains(id)) {
                throw CloudError.badRequest("Invalid application credential: Cannot create an application credential "
                        + "with unassigned role: %s is not among the roles of your token on project %s.",
                        ref.id() != null ? ref.id() : ref.name(), caller.projectId());
            }
            ids.add(id);
        }
        return new ArrayList<>(ids);
    }

    private static void requireUnrestricted(Token caller) {
        ApplicationCredential used = caller.applicationCredential();
        if (used != null && !used.unrestricted()) {
            throw CloudError.forbidden("You are not authorized to perform the requested action: Using method "
                    + "'application_credential' is not allowed for managing additional application credentials.");
        }
    }

    private String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
