package dev.kumo.core.compute;

import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import java.util.Objects;

/**
 * Who is asking, as the compute service sees it. It keeps the token because the compute service acts on the
 * caller's behalf in the image and network services (looking images up, allocating ports), and the request's
 * id ({@code x-openstack-request-id}, null outside a request) because Nova's instance actions are named by it.
 */
public record ComputeCaller(Token token, String userId, String projectId, boolean admin, String requestId) {
    public ComputeCaller {
        Objects.requireNonNull(userId, "userId");
    }

    public ComputeCaller(Token token, String userId, String projectId, boolean admin) {
        this(token, userId, projectId, admin, null);
    }

    public static ComputeCaller of(Token token) {
        return new ComputeCaller(token, token.userId(), token.projectId(), Policy.isAdmin(token));
    }

    /** The same caller within the request {@code id}. */
    public ComputeCaller inRequest(String id) {
        return new ComputeCaller(token, userId, projectId, admin, id);
    }

    public boolean owns(String resourceProjectId) {
        return admin || resourceProjectId.equals(projectId);
    }

    /** The project new resources belong to; a token without one cannot create servers. */
    public String requireProject() {
        if (projectId == null) {
            throw ComputeErrors.forbidden("A project-scoped token is required to manage servers.");
        }
        return projectId;
    }
}
