package dev.kumo.core.identity.assignment;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.core.identity.domain.DomainService;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.project.ProjectService;
import dev.kumo.core.identity.role.RoleService;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Grants and the role assignment list. Policy follows Keystone's defaults, simplified to kumo's roles:
 * admins grant and revoke; admins and system readers check and list. Tokens need no refreshing after a
 * change: every validation recomputes the roles from the current grants.
 */
public final class AssignmentService {
    private final IdentityState state;

    public AssignmentService(IdentityState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Idempotent, as Keystone's PUT is. */
    public void grant(Token caller, GrantTarget on, String roleId) {
        Policy.requireAdmin(caller, action("create", on));
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            Role role = RoleService.find(s, roleId);
            requireActor(s, on);
            requireTarget(s, on);
            requireRoleFits(s, role, on);
            tx.assignments().grant(on.withRole(role.id()));
            return null;
        });
    }

    /** Succeeds when the grant exists (HEAD/GET → 204), else 404. */
    public void check(Token caller, GrantTarget on, String roleId) {
        Policy.requireReader(caller, action("check", on));
        IdentitySnapshot s = state.current();
        RoleService.find(s, roleId);
        requireActor(s, on);
        requireTarget(s, on);
        if (!s.assignments().contains(on.withRole(roleId))) {
            throw assignmentNotFound(on, roleId);
        }
    }

    /** Revoking what was never granted is a 404; the actor itself may be gone already (Keystone allows that). */
    public void revoke(Token caller, GrantTarget on, String roleId) {
        Policy.requireAdmin(caller, action("revoke", on));
        state.store().write(tx -> {
            IdentitySnapshot s = state.current();
            RoleService.find(s, roleId);
            requireTarget(s, on);
            if (!tx.assignments().revoke(on.withRole(roleId))) {
                throw assignmentNotFound(on, roleId);
            }
            return null;
        });
    }

    /** The roles granted directly to the actor on the target (no groups, inheritance or implied roles). */
    public List<Role> roles(Token caller, GrantTarget on) {
        Policy.requireReader(caller, action("list", on));
        IdentitySnapshot s = state.current();
        requireActor(s, on);
        requireTarget(s, on);
        Set<String> granted = s.assignments().stream().filter(on::matches).map(RoleAssignment::roleId)
                .collect(Collectors.toSet());
        return s.roles().values().stream().filter(r -> granted.contains(r.id())).toList();
    }

    /** {@code GET /v3/role_assignments}. */
    public List<ListedAssignment> list(Token caller, AssignmentQuery q) {
        AssignmentQueryRules.requireConsistent(q);
        IdentitySnapshot s = state.current();
        String readableDomain = AssignmentQueryRules.authorize(caller, q);
        if (q.includeSubtree() || (q.effective() && q.projectId() != null)) {
            ProjectService.find(s, q.projectId());
        }
        List<ListedAssignment> rows = q.effective() ? AssignmentListing.effective(s, q) : AssignmentListing.direct(s, q);
        if (readableDomain != null) {
            rows = rows.stream().filter(r -> inDomain(s, r.assignment(), readableDomain)).toList();
        }
        return rows;
    }

    private static boolean inDomain(IdentitySnapshot s, RoleAssignment a, String domainId) {
        return switch (a.targetType()) {
            case DOMAIN -> a.targetId().equals(domainId);
            case PROJECT -> s.project(a.targetId()).map(p -> p.domainId().equals(domainId)).orElse(false);
            case SYSTEM -> false;
        };
    }

    private static void requireActor(IdentitySnapshot s, GrantTarget on) {
        if (on.actorType() == ActorType.USER && s.user(on.actorId()).isEmpty()) {
            throw CloudError.notFound("UserNotFound", "Could not find user: %s.", on.actorId());
        }
        if (on.actorType() == ActorType.GROUP && s.group(on.actorId()).isEmpty()) {
            throw CloudError.notFound("GroupNotFound", "Could not find group: %s.", on.actorId());
        }
    }

    private static void requireTarget(IdentitySnapshot s, GrantTarget on) {
        switch (on.targetType()) {
            case PROJECT -> ProjectService.find(s, on.targetId());
            case DOMAIN -> DomainService.find(s, on.targetId());
            case SYSTEM -> { }
        }
    }

    /** A domain-specific role may only be granted on its own domain's projects, and never on the system. */
    private static void requireRoleFits(IdentitySnapshot s, Role role, GrantTarget on) {
        if (role.domainId() == null) {
            return;
        }
        if (on.targetType() == TargetType.SYSTEM) {
            throw CloudError.badRequest("Role %s is a domain-specific role. Unable to use a domain-specific role in "
                    + "a system assignment.", role.id());
        }
        if (on.targetType() == TargetType.PROJECT) {
            Project p = ProjectService.find(s, on.targetId());
            if (!p.domainId().equals(role.domainId())) {
                throw CloudError.forbidden("Project %s must be in the same domain as the role %s being assigned.",
                        p.id(), role.id());
            }
        }
    }

    private static RuntimeException assignmentNotFound(GrantTarget on, String roleId) {
        return CloudError.notFound("RoleAssignmentNotFound", "Could not find role assignment with role: %s, user or "
                + "group: %s, project, domain, or system: %s.", roleId, on.actorId(),
                on.targetType() == TargetType.SYSTEM ? "system" : on.targetId());
    }

    /** Keystone's policy names: identity:create_grant, or identity:create_system_grant_for_user on the system. */
    private static String action(String verb, GrantTarget on) {
        if (on.targetType() == TargetType.SYSTEM) {
            String actor = on.actorType() == ActorType.USER ? "user" : "group";
            return "identity:" + verb + "_system_grant" + (verb.equals("list") ? "s" : "") + "_for_" + actor;
        }
        return "identity:" + verb + "_grant" + (verb.equals("list") ? "s" : "");
    }
}
