package dev.kumo.core.network;

import dev.kumo.core.network.query.Viewer;
import java.util.Objects;

/**
 * Who is asking, as the network service sees it: the project their token is scoped to (null for tokens
 * scoped elsewhere) and whether they have the admin role. The API layer builds it from the token.
 */
public record NetworkCaller(String userId, String projectId, boolean admin) {
    public NetworkCaller {
        Objects.requireNonNull(userId, "userId");
    }

    /** Whose eyes queries see through: everything for admins, else the project's own and what is shared. */
    public Viewer viewer() {
        return admin ? Viewer.ALL : Viewer.project(projectId);
    }

    /** Owns a resource of {@code resourceProjectId}: its project, or an admin. */
    public boolean owns(String resourceProjectId) {
        return admin || resourceProjectId.equals(projectId);
    }
}
