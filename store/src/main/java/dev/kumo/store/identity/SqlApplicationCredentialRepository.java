package dev.kumo.store.identity;

import dev.kumo.core.identity.store.ApplicationCredentialRepository;
import dev.kumo.model.identity.ApplicationCredential;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Application credentials in {@code application_credential} (with the secret's hash, which only
 * {@link #secretHash} reveals) and their roles in {@code application_credential_role}.
 */
final class SqlApplicationCredentialRepository implements ApplicationCredentialRepository {
    private final Handle handle;

    SqlApplicationCredentialRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<ApplicationCredential> all() {
        Map<String, List<String>> roles = new HashMap<>();
        handle.createQuery("""
                        SELECT application_credential_id, role_id FROM application_credential_role
                        ORDER BY application_credential_id, seq""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return handle.createQuery("""
                        SELECT id, name, user_id, project_id, description, expires_at, unrestricted
                        FROM application_credential ORDER BY id""")
                .map((rs, ctx) -> new ApplicationCredential(rs.getString("id"), rs.getString("name"),
                        rs.getString("user_id"), rs.getString("project_id"), rs.getString("description"),
                        Columns.instant(rs, "expires_at"), rs.getBoolean("unrestricted"),
                        roles.getOrDefault(rs.getString("id"), List.of())))
                .list();
    }

    @Override
    public void insert(ApplicationCredential credential, String secretHash) {
        handle.createUpdate("""
                        INSERT INTO application_credential (id, name, user_id, project_id, description, expires_at,
                            unrestricted, secret_hash)
                        VALUES (:id, :name, :userId, :projectId, :description, :expiresAt, :unrestricted, :secretHash)""")
                .bind("id", credential.id())
                .bind("name", credential.name())
                .bind("userId", credential.userId())
                .bind("projectId", credential.projectId())
                .bind("description", credential.description())
                .bind("expiresAt", Columns.millis(credential.expiresAt()))
                .bind("unrestricted", credential.unrestricted())
                .bind("secretHash", secretHash)
                .execute();
        List<String> roleIds = credential.roleIds();
        if (!roleIds.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO application_credential_role (application_credential_id, role_id, seq)
                    VALUES (:id, :roleId, :seq)""");
            for (int i = 0; i < roleIds.size(); i++) {
                batch.bind("id", credential.id()).bind("roleId", roleIds.get(i)).bind("seq", i).add();
            }
            batch.execute();
        }
    }

    @Override
    public Optional<String> secretHash(String id) {
        return Columns.single(handle.createQuery("SELECT secret_hash FROM application_credential WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> rs.getString(1))
                .list());
    }

    /** Its role list goes with it (foreign key cascade). */
    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM application_credential WHERE id = :id").bind("id", id).execute();
    }
}
