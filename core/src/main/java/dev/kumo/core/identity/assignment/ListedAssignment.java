package dev.kumo.core.identity.assignment;

import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;

/**
 * One entry of a role assignment list. Entries of an effective list may be derived: {@code indirect}
 * says from what, so that the API can link to the grant that really exists.
 */
public record ListedAssignment(RoleAssignment assignment, Indirect indirect) {

    /**
     * Where a derived entry comes from: membership of {@code groupId}, a grant inherited from
     * {@code inheritedFromType}/{@code inheritedFromId}, and/or the rule "{@code priorRoleId} implies this role".
     * All null for an entry that is a grant itself.
     */
    public record Indirect(String groupId, TargetType inheritedFromType, String inheritedFromId, String priorRoleId) {
        public static final Indirect NONE = new Indirect(null, null, null, null);

        public Indirect impliedBy(String roleId) {
            return new Indirect(groupId, inheritedFromType, inheritedFromId, roleId);
        }
    }

    public static ListedAssignment direct(RoleAssignment assignment) {
        return new ListedAssignment(assignment, Indirect.NONE);
    }

    public String roleId() {
        return assignment.roleId();
    }

    /** Shown with {@code "OS-INHERIT:inherited_to": "projects"}: an inherited grant, or what one gives a project. */
    public boolean inherited() {
        return assignment.inherited() || indirect.inheritedFromType() != null;
    }

    /** The same entry for a role that this entry's role implies. */
    ListedAssignment implying(String impliedRoleId) {
        RoleAssignment a = assignment;
        return new ListedAssignment(new RoleAssignment(a.actorType(), a.actorId(), a.targetType(), a.targetId(),
                impliedRoleId, a.inherited()), indirect.impliedBy(a.roleId()));
    }
}
