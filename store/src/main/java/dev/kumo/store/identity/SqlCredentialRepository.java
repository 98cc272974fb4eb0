package dev.kumo.store.identity;

import dev.kumo.core.identity.store.CredentialRepository;
import dev.kumo.core.identity.store.StoredCredential;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Credentials in {@code credential}, blobs sealed; the user's and the project's deletion cascade to them. */
final class SqlCredentialRepository implements CredentialRepository {
    private static final String COLUMNS = "id, user_id, project_id, type, encrypted_blob, key_hash, extra";

    private final Handle handle;

    SqlCredentialRepository(Handle handle) {
        this.handle = handle;
    }

    /** "(:x IS NULL OR col = :x)" would defeat the (user_id, type) index on PostgreSQL; build the clause instead. */
    @Override
    public List<StoredCredential> list(String userId, String type) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM credential WHERE 1 = 1");
        if (userId != null) {
            sql.append(" AND user_id = :userId");
        }
        if (type != null) {
            sql.append(" AND type = :type");
        }
        var query = handle.createQuery(sql.append(" ORDER BY id").toString());
        if (userId != null) {
            query.bind("userId", userId);
        }
        if (type != null) {
            query.bind("type", type);
        }
        return query.map((rs, ctx) -> row(rs)).list();
    }

    @Override
    public Optional<StoredCredential> get(String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM credential WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    @Override
    public void insert(StoredCredential c) {
        handle.createUpdate("""
                        INSERT INTO credential (id, user_id, project_id, type, encrypted_blob, key_hash, extra)
                        VALUES (:id, :userId, :projectId, :type, :encryptedBlob, :keyHash, :extra)""")
                .bind("id", c.id())
                .bind("userId", c.userId())
                .bind("projectId", c.projectId())
                .bind("type", c.type())
                .bind("encryptedBlob", c.encryptedBlob())
                .bind("keyHash", c.keyHash())
                .bind("extra", ExtraJson.write(c.extra()))
                .execute();
    }

    @Override
    public void update(StoredCredential c) {
        int rows = handle.createUpdate("""
                        UPDATE credential SET user_id = :userId, project_id = :projectId, type = :type,
                            encrypted_blob = :encryptedBlob, key_hash = :keyHash, extra = :extra
                        WHERE id = :id""")
                .bind("id", c.id())
                .bind("userId", c.userId())
                .bind("projectId", c.projectId())
                .bind("type", c.type())
                .bind("encryptedBlob", c.encryptedBlob())
                .bind("keyHash", c.keyHash())
                .bind("extra", ExtraJson.write(c.extra()))
                .execute();
        Columns.requireUpdated(rows, "credential", c.id());
    }

    @Override
    public boolean delete(String id) {
        return handle.createUpdate("DELETE FROM credential WHERE id = :id").bind("id", id).execute() > 0;
    }

    private static StoredCredential row(ResultSet rs) throws SQLException {
        return new StoredCredential(rs.getString("id"), rs.getString("user_id"), rs.getString("project_id"),
                rs.getString("type"), rs.getString("encrypted_blob"), rs.getString("key_hash"),
                ExtraJson.read(rs.getString("extra")));
    }
}
