package dev.kumo.core.identity.user;

import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.password.PasswordHasher;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.project.ProjectFilter;
import dev.kumo.core.identity.project.ProjectService;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.token.RevocationEvent;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.User;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Users: Keystone's {@code /v3/users}. A password change (by an admin or by the user) and disabling a
 * user revoke the user's tokens in the same write, as Keystone does.
 */
public final class UserService {
    private static final String INVALID_PASSWORD = "Error when changing user password: Invalid user / password";

    private final IdentityState state;
    private final PasswordHasher hasher;
    private final ProjectService projects;
    private final Clock clock;
    /** Verified against when the user does not exist, so that both failures cost the same time. */
    private final String dummyHash;

    public UserService(IdentityState state, PasswordHasher hasher, ProjectService projects, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.projects = Objects.requireNonNull(projects, "projects");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dummyHash = hasher.hash("kumo-dummy-password-for-timing");
    }

    public User create(Token caller, UserChanges in) {
        Policy.requireAdmin(caller, "identity:create_user");
        String name = Validation.name(strip(in.name()), "name");
        String hash = in.password() == null ? null : hasher.hash(in.password());
        Instant now = clock.instant();
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            String domainId = in.domainId() != null ? in.domainId() : defaultDomain(caller);
            if (s.domain(domainId).isEmpty()) {
                throw CloudError.notFound("DomainNotFound", "Could not find domain: %s.", domainId);
            }
            String defaultProjectId = orNull(in.defaultProjectId());
            requireNotDomain(s, defaultProjectId);
            requireUniqueName(s, domainId, name, null);
            var user = new User(Ids.newId(), name, domainId, in.enabled() == null || in.enabled(), defaultProjectId,
                    orNull(in.description()), orNull(in.email()), null, hash == null ? null : now,
                    Extras.initial(UserOptions.apply(in.extra(), null)));
            tx.users().insert(user, hash);
            return user;
        });
    }

    public User get(Token caller, String id) {
        Policy.require(Policy.isReader(caller) || caller.userId().equals(id), "identity:get_user");
        return find(state.current(), id);
    }

    /** Everyone matching; a domain-scoped caller sees only its domain's users, as in Keystone. */
    public List<User> list(Token caller, UserFilter filter) {
        Policy.requireReader(caller, "identity:list_users");
        return state.current().users().values().stream().filter(filter)
                .filter(u -> caller.domain() == null || caller.domain().id().equals(u.domainId())).toList();
    }

    public User update(Token caller, String id, UserChanges in) {
        Policy.requireAdmin(caller, "identity:update_user");
        String hash = in.password() == null ? null : hasher.hash(in.password());
        Instant now = clock.instant();
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            User old = find(s, id);
            if (in.domainId() != null && !in.domainId().equals(old.domainId())) {
                throw CloudError.badRequest("Cannot change Domain ID");
            }
            String name = in.name() == null ? old.name() : Validation.name(strip(in.name()), "name");
            requireUniqueName(s, old.domainId(), name, id);
            if (in.defaultProjectId() != null) {
                requireNotDomain(s, in.defaultProjectId().orElse(null));
            }
            boolean enabled = in.enabled() == null ? old.enabled() : in.enabled();
            var updated = new User(id, name, old.domainId(), enabled, pick(in.defaultProjectId(), old.defaultProjectId()),
                    pick(in.description(), old.description()), pick(in.email(), old.email()),
                    hash == null ? old.passwordExpiresAt() : null, hash == null ? old.passwordChangedAt() : now,
                    Extras.merge(old.extra(), UserOptions.apply(in.extra(), old.extra().get(UserOptions.KEY))));
            tx.users().update(updated);
            if (hash != null) {
                tx.users().setPassword(id, hash, now, null);
            }
            if (hash != null || (old.enabled() && !enabled)) {
                revokeTokensOf(tx, id, now);
            }
            return updated;
        });
    }

    /** Deletes the user with its role assignments, group memberships and application credentials. */
    public void delete(Token caller, String id) {
        Policy.requireAdmin(caller, "identity:delete_user");
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            find(s, id);
            tx.assignments().deleteMentioning(id);
            s.groupIdsOf(id).forEach(groupId -> tx.groups().removeMember(groupId, id));
            s.applicationCredentials().values().stream().filter(c -> c.userId().equals(id))
                    .forEach(c -> tx.applicationCredentials().delete(c.id()));
            tx.users().delete(id);
            return null;
        });
    }

    /**
     * The self-service change: the original password is the authorisation, so no token is needed (Keystone
     * does not enforce a policy here). Unknown user and wrong password fail alike.
     */
    public void changePassword(String userId, String originalPassword, String newPassword) {
        Optional<User> user = state.current().user(userId);
        String hash = user.flatMap(u -> state.store().read(tx -> tx.users().passwordHash(u.id()))).orElse(null);
        boolean verified = hasher.verify(originalPassword, hash == null ? dummyHash : hash) && hash != null;
        if (!verified) {
            throw CloudError.unauthorized(INVALID_PASSWORD);
        }
        if (!user.get().enabled()) {
            throw CloudError.unauthorized("The account is disabled for user: " + userId + ".");
        }
        String newHash = hasher.hash(newPassword);
        Instant now = clock.instant();
        state.store().write(tx -> {
            if (state.current().user(userId).isEmpty()) {
                throw CloudError.unauthorized(INVALID_PASSWORD);
            }
            tx.users().setPassword(userId, newHash, now, null);
            revokeTokensOf(tx, userId, now);
            return null;
        });
    }

    /** Projects the user has a role on, directly, through a group or by inheritance. */
    public List<Project> projects(Token caller, String userId, ProjectFilter filter) {
        Policy.requireReaderOrOwner(caller, userId, "identity:list_user_projects");
        IdentitySnapshot s = state.current();
        find(s, userId);
        return projects.projectsOfUser(s, userId).stream().filter(filter).toList();
    }

    public static User find(IdentitySnapshot s, String id) {
        return s.user(id).orElseThrow(() -> CloudError.notFound("UserNotFound", "Could not find user: %s.", id));
    }

    /**
     * Where a user or group goes when the request names no domain: the caller's domain for a domain-scoped
     * token, else the default domain (Keystone's {@code _normalize_domain_id}).
     */
    public static String defaultDomain(Token caller) {
        return caller.domain() != null ? caller.domain().id() : Domain.DEFAULT_ID;
    }

    private static void revokeTokensOf(IdentityTx tx, String userId, Instant now) {
        tx.revocations().insert(new RevocationEvent(null, userId, null, null, now));
    }

    private static void requireNotDomain(IdentitySnapshot s, String defaultProjectId) {
        // Keystone accepts a default project that does not exist, but not one that is a domain
        if (defaultProjectId != null && s.domain(defaultProjectId).isPresent()) {
            throw CloudError.badRequest("User's default project ID cannot be a domain ID: %s", defaultProjectId);
        }
    }

    private static void requireUniqueName(IdentitySnapshot s, String domainId, String name, String exceptId) {
        s.userByName(domainId, name).filter(u -> !u.id().equals(exceptId)).ifPresent(u -> {
            throw CloudError.conflict("Conflict", "Conflict occurred attempting to store user - Duplicate entry "
                    + "found with name %s at domain ID %s.", name, domainId);
        });
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static String orNull(Optional<String> value) {
        return value == null ? null : value.orElse(null);
    }

    private static String pick(Optional<String> given, String old) {
        return given == null ? old : given.orElse(null);
    }
}
