package dev.kumo.core.identity.role;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.Extras;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.Validation;
import dev.kumo.core.identity.domain.DomainService;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Ids;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Roles and implied-role rules. Policy follows Keystone's defaults: system readers read, admins write. */
public final class RoleService {
    private final IdentityState state;

    public RoleService(IdentityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public Role create(Token caller, RoleChanges in) {
        Policy.requireAdmin(caller, in.domainId() == null ? "identity:create_role" : "identity:create_domain_role");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            String name = Validation.name(in.name(), "name");
            if (in.domainId() != null) {
                DomainService.find(s, in.domainId());
            }
            requireUniqueName(s, name, in.domainId(), null);
            Map<String, Object> extra = Extras.initial(in.extra());
            var role = new Role(Ids.newId(), name, in.domainId(), in.description(),
                    RoleOptions.apply(extra, Map.of(), in.options()));
            tx.roles().insert(role);
            return role;
        });
    }

    public Role get(Token caller, String id) {
        Policy.requireReader(caller, action(id, "get"));
        return find(state.current(), id);
    }

    /** Global roles, or with {@code domainId} that domain's roles: Keystone never mixes the two in one list. */
    public List<Role> list(Token caller, String name, String domainId) {
        Policy.requireReader(caller, domainId == null ? "identity:list_roles" : "identity:list_domain_roles");
        return state.current().roles().values().stream()
                .filter(r -> Objects.equals(domainId, r.domainId()))
                .filter(r -> name == null || name.equals(r.name()))
                .toList();
    }

    public Role update(Token caller, String id, RoleChanges in) {
        Policy.requireAdmin(caller, action(id, "update"));
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Role old = find(s, id);
            if (in.id() != null && !in.id().equals(id)) {
                throw CloudError.badRequest("Cannot change ID: the role is %s, the request body says %s.", id, in.id());
            }
            if (!RoleOptions.onlyClearsImmutable(in)) {
                RoleOptions.requireMutable(old, false);
            }
            if (in.domainId() != null && !in.domainId().equals(old.domainId())) {
                throw CloudError.badRequest("Update of `domain_id` is not allowed.");
            }
            String name = in.name() == null ? old.name() : Validation.name(in.name(), "name");
            requireUniqueName(s, name, old.domainId(), id);
            var extra = Extras.merge(old.extra(), in.extra());
            var updated = new Role(id, name, old.domainId(), in.description() == null ? old.description() : in.description(),
                    RoleOptions.apply(extra, RoleOptions.of(old), in.options()));
            tx.roles().update(updated);
            return updated;
        });
    }

    /** Deletes the role with its assignments and the implied-role rules that name it. */
    public void delete(Token caller, String id) {
        Policy.requireAdmin(caller, action(id, "delete"));
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            RoleOptions.requireMutable(find(s, id), true);
            deleteApplicationCredentialsOfHolders(s, tx, id);
            tx.assignments().deleteMentioning(id);
            tx.roles().delete(id);
            return null;
        });
    }

    public RoleInference imply(Token caller, String priorId, String impliedId) {
        Policy.requireAdmin(caller, "identity:create_implied_role");
        return state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Role prior = find(s, priorId);
            Role implied = find(s, impliedId);
            ImpliedRoleRules.requireAllowed(s, prior, implied);
            tx.roles().addImplication(new ImpliedRole(prior.id(), implied.id()));
            return new RoleInference(prior, implied);
        });
    }

    /** The rule "prior implies implied"; {@code check} names the HEAD action in a denial. */
    public RoleInference implication(Token caller, String priorId, String impliedId, boolean check) {
        Policy.requireReader(caller, check ? "identity:check_implied_role" : "identity:get_implied_role");
        return findRule(state.current(), priorId, impliedId);
    }

    public void removeImplication(Token caller, String priorId, String impliedId) {
        Policy.requireAdmin(caller, "identity:delete_implied_role");
        state.store().write(tx -> {
            RoleInference rule = findRule(state.current(), priorId, impliedId);
            tx.roles().removeImplication(new ImpliedRole(rule.prior().id(), rule.implied().id()));
            return null;
        });
    }

    public RoleImplications implicationsOf(Token caller, String priorId) {
        Policy.requireReader(caller, "identity:list_implied_roles");
        IdentitySnapshot s = state.current();
        Role prior = find(s, priorId);
        List<Role> implies = s.implications().stream().filter(r -> r.priorRoleId().equals(prior.id()))
                .map(r -> find(s, r.impliedRoleId())).toList();
        return new RoleImplications(prior, implies);
    }

    /** Every rule, grouped by prior role in the order the rules are stored. */
    public List<RoleImplications> allImplications(Token caller) {
        Policy.requireReader(caller, "identity:list_role_inference_rules");
        IdentitySnapshot s = state.current();
        Map<String, List<Role>> byPrior = new LinkedHashMap<>();
        for (ImpliedRole rule : s.implications()) {
            byPrior.computeIfAbsent(rule.priorRoleId(), k -> new ArrayList<>()).add(find(s, rule.impliedRoleId()));
        }
        return byPrior.entrySet().stream().map(e -> new RoleImplications(find(s, e.getKey()), e.getValue())).toList();
    }

    public static Role find(IdentitySnapshot s, String id) {
        return s.role(id).orElseThrow(() -> CloudError.notFound("RoleNotFound", "Could not find role: %s.", id));
    }

    /** Keystone names the action after the kind of role: identity:get_role or identity:get_domain_role. */
    private String action(String id, String verb) {
        boolean domainRole = state.current().role(id).map(r -> r.domainId() != null).orElse(false);
        return "identity:" + verb + (domainRole ? "_domain_role" : "_role");
    }

    private static RoleInference findRule(IdentitySnapshot s, String priorId, String impliedId) {
        Role prior = find(s, priorId);
        Role implied = find(s, impliedId);
        if (!s.implications().contains(new ImpliedRole(prior.id(), implied.id()))) {
            throw CloudError.notFound("ImpliedRoleNotFound", "%s does not imply %s.", priorId, impliedId);
        }
        return new RoleInference(prior, implied);
    }

    /**
     * Keystone deletes the application credentials of every user who held the role on a project, since
     * they may have delegated it; the credentials of other users are untouched.
     */
    private static void deleteApplicationCredentialsOfHolders(IdentitySnapshot s, IdentityTx tx, String roleId) {
        Set<String> doomed = new LinkedHashSet<>();
        for (RoleAssignment a : s.assignments()) {
            if (a.roleId().equals(roleId) && a.actorType() == ActorType.USER && a.targetType() == TargetType.PROJECT) {
                s.applicationCredentials().values().stream()
                        .filter(c -> c.userId().equals(a.actorId()) && a.targetId().equals(c.projectId()))
                        .forEach(c -> doomed.add(c.id()));
            }
        }
        doomed.forEach(tx.applicationCredentials()::delete);
    }

    private static void requireUniqueName(IdentitySnapshot s, String name, String domainId, String exceptId) {
        boolean taken = s.roles().values().stream().anyMatch(r -> r.name().equals(name)
                && Objects.equals(r.domainId(), domainId) && !r.id().equals(exceptId));
        if (taken) {
            throw domainId == null
                    ? CloudError.conflict("Conflict", "Conflict occurred attempting to store role - Duplicate entry "
                            + "found with name %s.", name)
                    : CloudError.conflict("Conflict", "Conflict occurred attempting to store role - Duplicate entry "
                            + "found with name %s at domain ID %s.", name, domainId);
        }
    }
}
