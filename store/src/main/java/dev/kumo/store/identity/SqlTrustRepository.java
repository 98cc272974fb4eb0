package dev.kumo.store.identity;

import dev.kumo.core.identity.store.TrustRepository;
import dev.kumo.model.identity.Trust;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Trusts in {@code trust} and their delegated roles, in order, in {@code trust_role}. */
final class SqlTrustRepository implements TrustRepository {
    private final Handle handle;

    SqlTrustRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Trust> all() {
        Map<String, List<String>> roles = new HashMap<>();
        handle.createQuery("SELECT trust_id, role_id FROM trust_role ORDER BY trust_id, seq")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return handle.createQuery("""
                        SELECT id, trustor_user_id, trustee_user_id, project_id, impersonation, expires_at, remaining_uses
                        FROM trust ORDER BY id""")
                .map((rs, ctx) -> {
                    int uses = rs.getInt("remaining_uses");
                    Integer remaining = rs.wasNull() ? null : uses;
                    return new Trust(rs.getString("id"), rs.getString("trustor_user_id"), rs.getString("trustee_user_id"),
                            rs.getString("project_id"), rs.getBoolean("impersonation"), Columns.instant(rs, "expires_at"),
                            remaining, roles.getOrDefault(rs.getString("id"), List.of()));
                })
                .list();
    }

    @Override
    public void insert(Trust trust) {
        handle.createUpdate("""
                        INSERT INTO trust (id, trustor_user_id, trustee_user_id, project_id, impersonation, expires_at,
                            remaining_uses)
                        VALUES (:id, :trustor, :trustee, :project, :impersonation, :expiresAt, :remaining)""")
                .bind("id", trust.id())
                .bind("trustor", trust.trustorUserId())
                .bind("trustee", trust.trusteeUserId())
                .bind("project", trust.projectId())
                .bind("impersonation", trust.impersonation())
                .bind("expiresAt", Columns.millis(trust.expiresAt()))
                .bind("remaining", trust.remainingUses())
                .execute();
        PreparedBatch batch = handle.prepareBatch("INSERT INTO trust_role (trust_id, role_id, seq) VALUES (:id, :roleId, :seq)");
        for (int i = 0; i < trust.roleIds().size(); i++) {
            batch.bind("id", trust.id()).bind("roleId", trust.roleIds().get(i)).bind("seq", i).add();
        }
        if (!trust.roleIds().isEmpty()) {
            batch.execute();
        }
    }

    @Override
    public void setRemainingUses(String id, int remainingUses) {
        Columns.requireUpdated(handle.createUpdate("UPDATE trust SET remaining_uses = :n WHERE id = :id")
                .bind("n", remainingUses).bind("id", id).execute(), "trust", id);
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM trust WHERE id = :id").bind("id", id).execute();
    }
}
