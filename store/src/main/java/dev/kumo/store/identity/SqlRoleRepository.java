package dev.kumo.store.identity;

import dev.kumo.core.identity.store.RoleRepository;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Role;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Roles in {@code role} (domain_id NULL for global roles), implication rules in {@code implied_role}. */
final class SqlRoleRepository implements RoleRepository {
    private final Handle handle;

    SqlRoleRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Role> all() {
        return handle.createQuery("SELECT id, name, domain_id, description, extra FROM role ORDER BY id")
                .map((rs, ctx) -> new Role(rs.getString("id"), rs.getString("name"), rs.getString("domain_id"),
                        rs.getString("description"), ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insert(Role role) {
        handle.createUpdate("""
                        INSERT INTO role (id, name, domain_id, description, extra)
                        VALUES (:id, :name, :domainId, :description, :extra)""")
                .bind("id", role.id())
                .bind("name", role.name())
                .bind("domainId", role.domainId())
                .bind("description", role.description())
                .bind("extra", ExtraJson.write(role.extra()))
                .execute();
    }

    @Override
    public void update(Role role) {
        int rows = handle.createUpdate("""
                        UPDATE role SET name = :name, domain_id = :domainId, description = :description, extra = :extra
                        WHERE id = :id""")
                .bind("id", role.id())
                .bind("name", role.name())
                .bind("domainId", role.domainId())
                .bind("description", role.description())
                .bind("extra", ExtraJson.write(role.extra()))
                .execute();
        Columns.requireUpdated(rows, "role", role.id());
    }

    /** The rules naming it, on either side, go with it (foreign key cascade); its assignments do not. */
    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM role WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public List<ImpliedRole> implications() {
        return handle.createQuery("""
                        SELECT prior_role_id, implied_role_id FROM implied_role ORDER BY prior_role_id, implied_role_id""")
                .map((rs, ctx) -> new ImpliedRole(rs.getString("prior_role_id"), rs.getString("implied_role_id")))
                .list();
    }

    /** Idempotent, as Keystone's PUT of an implied role is. */
    @Override
    public void addImplication(ImpliedRole rule) {
        handle.createUpdate("""
                        INSERT INTO implied_role (prior_role_id, implied_role_id) VALUES (:prior, :implied)
                        ON CONFLICT DO NOTHING""")
                .bind("prior", rule.priorRoleId())
                .bind("implied", rule.impliedRoleId())
                .execute();
    }

    @Override
    public void removeImplication(ImpliedRole rule) {
        handle.createUpdate("DELETE FROM implied_role WHERE prior_role_id = :prior AND implied_role_id = :implied")
                .bind("prior", rule.priorRoleId())
                .bind("implied", rule.impliedRoleId())
                .execute();
    }
}
