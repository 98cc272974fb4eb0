package dev.kumo.model.identity;

import java.time.Instant;
import java.util.List;

/**
 * OS-TRUST: the trustor lets the trustee act on {@code projectId} with at most {@code roleIds}; with
 * {@code impersonation} the trustee's tokens name the trustor as their user. {@code remainingUses} null
 * means unlimited; {@code expiresAt} null means never.
 */
public record Trust(String id, String trustorUserId, String trusteeUserId, String projectId, boolean impersonation,
                    Instant expiresAt, Integer remainingUses, List<String> roleIds) {
    public Trust {
        roleIds = List.copyOf(roleIds);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
