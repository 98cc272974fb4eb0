package dev.kumo.core.identity.role;

import dev.kumo.model.identity.Role;
import java.util.List;

/** The roles one role implies directly (not transitively), as Keystone lists them. */
public record RoleImplications(Role prior, List<Role> implies) {
    public RoleImplications {
        implies = List.copyOf(implies);
    }
}
