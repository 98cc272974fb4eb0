package dev.kumo.core.identity;

import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which roles a user holds on a scope, as Keystone computes them: direct grants to the user and to
 * its groups, grants inherited from the project's domain and ancestor projects, then implied roles.
 * Domain-specific roles are left out once they have implied what they imply: Keystone never puts them
 * in a token.
 */
public final class EffectiveRoles {
    private EffectiveRoles() {}

    public static Set<String> of(IdentitySnapshot s, String userId, TokenScope scope) {
        Set<String> groups = s.groupIdsOf(userId);
        Set<String> direct = new LinkedHashSet<>();
        for (RoleAssignment a : s.assignments()) {
            boolean actorMatches = a.actorType() == ActorType.USER ? a.actorId().equals(userId)
                    : groups.contains(a.actorId());
            if (actorMatches && applies(s, a, scope)) {
                direct.add(a.roleId());
            }
        }
        Set<String> roles = new LinkedHashSet<>(s.expandImplied(direct));
        roles.removeIf(id -> s.role(id).map(r -> r.domainId() != null).orElse(false));
        return roles;
    }

    private static boolean applies(IdentitySnapshot s, RoleAssignment a, TokenScope scope) {
        return switch (scope.kind()) {
            case UNSCOPED -> false;
            case SYSTEM -> a.targetType() == TargetType.SYSTEM;
            case DOMAIN -> a.targetType() == TargetType.DOMAIN && !a.inherited() && a.targetId().equals(scope.id());
            case PROJECT -> s.project(scope.id()).map(p -> appliesToProject(s, a, p)).orElse(false);
        };
    }

    private static boolean appliesToProject(IdentitySnapshot s, RoleAssignment a, Project p) {
        if (a.targetType() == TargetType.PROJECT && a.targetId().equals(p.id())) {
            return !a.inherited();
        }
        if (!a.inherited()) {
            return false;
        }
        if (a.targetType() == TargetType.DOMAIN) {
            return a.targetId().equals(p.domainId());
        }
        return a.targetType() == TargetType.PROJECT
                && s.ancestors(p).stream().anyMatch(anc -> anc.id().equals(a.targetId()));
    }
}
