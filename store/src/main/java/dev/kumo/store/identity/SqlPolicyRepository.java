package dev.kumo.store.identity;

import dev.kumo.core.identity.store.PolicyRepository;
import dev.kumo.model.identity.PolicyDocument;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Policy documents in {@code identity_policy}. */
final class SqlPolicyRepository implements PolicyRepository {
    private final Handle handle;

    SqlPolicyRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<PolicyDocument> list(String type) {
        if (type == null) {
            return handle.createQuery("SELECT id, type, blob, extra FROM identity_policy ORDER BY id")
                    .map((rs, ctx) -> row(rs)).list();
        }
        return handle.createQuery("SELECT id, type, blob, extra FROM identity_policy WHERE type = :type ORDER BY id")
                .bind("type", type)
                .map((rs, ctx) -> row(rs)).list();
    }

    @Override
    public Optional<PolicyDocument> get(String id) {
        return handle.createQuery("SELECT id, type, blob, extra FROM identity_policy WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    @Override
    public void insert(PolicyDocument policy) {
        handle.createUpdate("INSERT INTO identity_policy (id, type, blob, extra) VALUES (:id, :type, :blob, :extra)")
                .bind("id", policy.id())
                .bind("type", policy.type())
                .bind("blob", policy.blob())
                .bind("extra", ExtraJson.write(policy.extra()))
                .execute();
    }

    @Override
    public void update(PolicyDocument policy) {
        int rows = handle.createUpdate("UPDATE identity_policy SET type = :type, blob = :blob, extra = :extra WHERE id = :id")
                .bind("id", policy.id())
                .bind("type", policy.type())
                .bind("blob", policy.blob())
                .bind("extra", ExtraJson.write(policy.extra()))
                .execute();
        Columns.requireUpdated(rows, "policy", policy.id());
    }

    @Override
    public boolean delete(String id) {
        return handle.createUpdate("DELETE FROM identity_policy WHERE id = :id").bind("id", id).execute() > 0;
    }

    private static PolicyDocument row(ResultSet rs) throws SQLException {
        return new PolicyDocument(rs.getString("id"), rs.getString("type"), rs.getString("blob"),
                ExtraJson.read(rs.getString("extra")));
    }
}
