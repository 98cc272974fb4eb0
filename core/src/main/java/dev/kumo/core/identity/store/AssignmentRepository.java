package dev.kumo.core.identity.store;

import dev.kumo.model.identity.RoleAssignment;
import java.util.List;

public interface AssignmentRepository {
    List<RoleAssignment> all();

    /** Idempotent: granting what exists already changes nothing. */
    void grant(RoleAssignment assignment);

    /** @return whether the assignment existed */
    boolean revoke(RoleAssignment assignment);

    /** Removes every assignment whose actor, target or role is {@code id}: used when that thing is deleted. */
    void deleteMentioning(String id);
}
