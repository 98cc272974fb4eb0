package dev.kumo.core.identity.trust;

import dev.kumo.core.identity.EffectiveRoles;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.Trust;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Creates, shows, lists and deletes trusts; what a trust delegates is checked against the trustor's roles. */
public final class TrustService {
    private final IdentityState state;
    private final Clock clock;

    public TrustService(IdentityState state, Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Only the trustor itself may delegate, and only roles it holds on the project, from a non-trust token. */
    public Trust create(Token caller, TrustRequest in) {
        if (in.trustorUserId() == null || in.trusteeUserId() == null || in.impersonation() == null) {
            throw CloudError.badRequest("'trustor_user_id', 'trustee_user_id' and 'impersonation' are required properties.");
        }
        Policy.require(caller.userId().equals(in.trustorUserId()), "identity:create_trust");
        if (caller.payload().trustId() != null) {
            throw CloudError.forbidden("A token obtained through a trust cannot create another trust (redelegation "
                    + "is not supported).");
        }
        if (in.expiresAt() != null && !in.expiresAt().isAfter(clock.instant())) {
            throw CloudError.badRequest("Invalid input for field 'expires_at': %s has already passed.", in.expiresAt());
        }
        if (in.remainingUses() != null && in.remainingUses() < 1) {
            throw CloudError.badRequest("Invalid input for field 'remaining_uses': it must be a positive number or null.");
        }
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            s.user(in.trusteeUserId()).orElseThrow(() -> CloudError.notFound("UserNotFound",
                    "Could not find user: %s.", in.trusteeUserId()));
            List<String> roleIds = delegatedRoles(s, in);
            var trust = new Trust(Ids.newId(), in.trustorUserId(), in.trusteeUserId(), in.projectId(),
                    in.impersonation(), in.expiresAt(), in.remainingUses(), roleIds);
            tx.trusts().insert(trust);
            return trust;
        });
    }

    private static List<String> delegatedRoles(IdentitySnapshot s, TrustRequest in) {
        if (in.projectId() == null) {
            if (in.roles() != null && !in.roles().isEmpty()) {
                throw CloudError.badRequest("A trust without a project cannot delegate roles.");
            }
            return List.of();
        }
        s.project(in.projectId()).orElseThrow(() -> CloudError.notFound("ProjectNotFound",
                "Could not find project: %s.", in.projectId()));
        Set<String> held = EffectiveRoles.of(s, in.trustorUserId(), TokenScope.project(in.projectId()));
        List<String> ids = new ArrayList<>();
        for (TrustRequest.RoleRef ref : in.roles() == null ? List.<TrustRequest.RoleRef>of() : in.roles()) {
            Role role = (ref.id() != null ? s.role(ref.id()) : s.globalRoleByName(ref.name()))
                    .orElseThrow(() -> CloudError.notFound("RoleNotFound", "Could not find role: %s.",
                            ref.id() != null ? ref.id() : ref.name()));
            if (!held.contains(role.id())) {
                throw CloudError.forbidden("The trustor does not hold role %s on project %s, so it cannot delegate it.",
                        role.name(), in.projectId());
            }
            ids.add(role.id());
        }
        return ids;
    }

    /** Admins and the two parties see a trust; anyone else gets a 404, so trusts cannot be probed. */
    public Trust get(Token caller, String id) {
        Trust trust = state.current().trusts().get(id);
        if (trust == null || !(Policy.isAdmin(caller) || party(caller, trust))) {
            throw CloudError.notFound("TrustNotFound", "Could not find trust: %s.", id);
        }
        return trust;
    }

    /** Unfiltered listing is for admins; anyone may list the trusts where it is the trustor or the trustee. */
    public List<Trust> list(Token caller, String trustorUserId, String trusteeUserId) {
        boolean own = caller.userId().equals(trustorUserId) || caller.userId().equals(trusteeUserId);
        Policy.require(Policy.isAdmin(caller) || own, "identity:list_trusts");
        return state.current().trusts().values().stream()
                .filter(t -> trustorUserId == null || t.trustorUserId().equals(trustorUserId))
                .filter(t -> trusteeUserId == null || t.trusteeUserId().equals(trusteeUserId))
                .toList();
    }

    public void delete(Token caller, String id) {
        Trust trust = get(caller, id);
        Policy.require(Policy.isAdmin(caller) || caller.userId().equals(trust.trustorUserId()), "identity:delete_trust");
        state.store().write(tx -> {
            tx.trusts().delete(id);
            return null;
        });
    }

    public List<Role> roles(Token caller, String id) {
        IdentitySnapshot s = state.current();
        return get(caller, id).roleIds().stream().map(s.roles()::get).filter(Objects::nonNull).toList();
    }

    public Role role(Token caller, String id, String roleId) {
        return roles(caller, id).stream().filter(r -> r.id().equals(roleId)).findFirst()
                .orElseThrow(() -> CloudError.notFound("RoleNotFound", "Role %s is not delegated by trust %s.", roleId, id));
    }

    private static boolean party(Token caller, Trust trust) {
        return caller.userId().equals(trust.trustorUserId()) || caller.userId().equals(trust.trusteeUserId());
    }
}
