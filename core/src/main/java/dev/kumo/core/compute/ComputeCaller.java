package dev.kumo.core.compute;

import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import java.util.Objects;

/**
 * Who is asking, as the compute service sees it. It keeps the token because the compute service acts on the
 * caller's behalf in the image and network services (looking images up, allocating ports).
 */
public record ComputeCaller(Token token, String userId, String projectId, boolean admin) {
    public ComputeCaller {
        Objects.requireNonNull(userId, "userId");
    }

    public static ComputeCaller of(Token token) {
        return new ComputeCaller(token, token.userId(), token.projectId(), Policy.isAdmin(token));
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
