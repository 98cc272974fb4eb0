package dev.kumo.core.identity.assignment;

import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;

/** Which role assignment queries make sense, and who may run them. */
final class AssignmentQueryRules {
    private AssignmentQueryRules() {}

    /** Keystone's 400s for filters that contradict each other (same wording). */
    static void requireConsistent(AssignmentQuery q) {
        if (q.includeSubtree() && q.projectId() == null) {
            throw CloudError.badRequest("scope.project.id must be specified if include_subtree is also specified");
        }
        if (q.domainId() != null && q.projectId() != null) {
            throw CloudError.badRequest("Specify a domain or project, not both");
        }
        if (q.system() && q.domainId() != null) {
            throw CloudError.badRequest("Specify system or domain, not both");
        }
        if (q.system() && q.projectId() != null) {
            throw CloudError.badRequest("Specify system or project, not both");
        }
        if (q.userId() != null && q.groupId() != null) {
            throw CloudError.badRequest("Specify a user or group, not both");
        }
        if (q.effective() && q.groupId() != null) {
            throw CloudError.badRequest("Combining effective and group filter will always result in an empty list.");
        }
        if (q.effective() && Boolean.TRUE.equals(q.inherited()) && q.domainId() != null) {
            throw CloudError.badRequest("Combining effective, domain and inherited filters will always result in an "
                    + "empty list.");
        }
    }

    /**
     * Keystone lets system readers list everything and domain readers list what is in their domain. kumo
     * also lets any user list its own assignments ({@code user.id=<self>}), which Keystone's defaults do
     * not, because "which roles do I have where" is a question every user may ask of its own token anyway.
     *
     * @return the domain the caller is restricted to, or null when it sees everything it asked for
     */
    static String authorize(Token caller, AssignmentQuery q) {
        if (Policy.isReader(caller) || caller.userId().equals(q.userId())) {
            return null;
        }
        boolean domainReader = caller.domain() != null && caller.hasRole("reader");
        Policy.require(domainReader, q.includeSubtree() ? "identity:list_role_assignments_for_tree"
                : "identity:list_role_assignments");
        return caller.domain().id();
    }
}
