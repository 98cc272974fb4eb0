package dev.kumo.core.identity.assignment;

import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.Objects;

/**
 * What a grant URL names apart from the role: an actor on a target, and whether the grant is inherited
 * by the projects below the target (OS-INHERIT) rather than applying to the target itself.
 */
public record GrantTarget(ActorType actorType, String actorId, TargetType targetType, String targetId,
                          boolean inherited) {
    public GrantTarget {
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
    }

    public static GrantTarget system(ActorType actorType, String actorId) {
        return new GrantTarget(actorType, actorId, TargetType.SYSTEM, TargetType.SYSTEM_ALL, false);
    }

    public RoleAssignment withRole(String roleId) {
        return new RoleAssignment(actorType, actorId, targetType, targetId, roleId, inherited);
    }

    public boolean matches(RoleAssignment a) {
        return a.actorType() == actorType && a.actorId().equals(actorId) && a.targetType() == targetType
                && a.targetId().equals(targetId) && a.inherited() == inherited;
    }
}
