package dev.kumo.core.identity.store;

import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Role;
import java.util.List;

public interface RoleRepository {
    List<Role> all();

    void insert(Role role);

    void update(Role role);

    /** Also deletes the implied-role rules that mention it. */
    void delete(String id);

    List<ImpliedRole> implications();

    void addImplication(ImpliedRole rule);

    void removeImplication(ImpliedRole rule);
}
