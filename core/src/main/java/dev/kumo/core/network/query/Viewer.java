package dev.kumo.core.network.query;

/**
 * Whose eyes a query sees through. Admins see everything; a project sees its own resources plus what is
 * shared with it: shared and external networks, subnets of shared networks, and every port on its own
 * networks. What a project cannot see does not exist for it (404, never 403).
 */
public record Viewer(String projectId, boolean seesAll) {
    public static final Viewer ALL = new Viewer(null, true);

    public static Viewer project(String projectId) {
        return new Viewer(projectId, false);
    }
}
