package dev.kumo.model.identity;

import java.time.Instant;
import java.util.List;

/**
 * A credential a user delegates to an application: it authenticates as the user, scoped to
 * {@code projectId}, with at most {@code roleIds}. {@code unrestricted} ones may create more credentials.
 */
public record ApplicationCredential(String id, String name, String userId, String projectId, String description,
                                    Instant expiresAt, boolean unrestricted, List<String> roleIds) {
    public ApplicationCredential {
        roleIds = List.copyOf(roleIds);
    }
}
