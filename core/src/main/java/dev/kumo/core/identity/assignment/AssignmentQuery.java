package dev.kumo.core.identity.assignment;

/**
 * The filters of {@code GET /v3/role_assignments}; null or false ones do not filter. {@code inherited}
 * is null for "both", true for only inherited grants, false for only the others.
 */
public record AssignmentQuery(String userId, String groupId, String roleId, String projectId, String domainId,
                              boolean system, Boolean inherited, boolean effective, boolean includeSubtree) {
    public static final AssignmentQuery ALL =
            new AssignmentQuery(null, null, null, null, null, false, null, false, false);
}
