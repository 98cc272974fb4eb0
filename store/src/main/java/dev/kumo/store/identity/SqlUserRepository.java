package dev.kumo.store.identity;

import dev.kumo.core.identity.store.UserRepository;
import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Users in {@code identity_user}, with their password hash, which only {@link #passwordHash} reveals. */
final class SqlUserRepository implements UserRepository {
    private final Handle handle;

    SqlUserRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<User> all() {
        return handle.createQuery("""
                        SELECT id, name, domain_id, enabled, default_project_id, description, email,
                            password_expires_at, password_changed_at, extra
                        FROM identity_user ORDER BY id""")
                .map((rs, ctx) -> new User(rs.getString("id"), rs.getString("name"), rs.getString("domain_id"),
                        rs.getBoolean("enabled"), rs.getString("default_project_id"), rs.getString("description"),
                        rs.getString("email"), Columns.instant(rs, "password_expires_at"),
                        Columns.instant(rs, "password_changed_at"), ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insert(User user, String passwordHash) {
        handle.createUpdate("""
                        INSERT INTO identity_user (id, name, domain_id, enabled, default_project_id, description, email,
                            password_hash, password_changed_at, password_expires_at, extra)
                        VALUES (:id, :name, :domainId, :enabled, :defaultProjectId, :description, :email,
                            :passwordHash, :changedAt, :expiresAt, :extra)""")
                .bind("id", user.id())
                .bind("name", user.name())
                .bind("domainId", user.domainId())
                .bind("enabled", user.enabled())
                .bind("defaultProjectId", user.defaultProjectId())
                .bind("description", user.description())
                .bind("email", user.email())
                .bind("passwordHash", passwordHash)
                .bind("changedAt", Columns.millis(user.passwordChangedAt()))
                .bind("expiresAt", Columns.millis(user.passwordExpiresAt()))
                .bind("extra", ExtraJson.write(user.extra()))
                .execute();
    }

    /** Everything the record holds, including the password times; the hash stays as it is. */
    @Override
    public void update(User user) {
        int rows = handle.createUpdate("""
                        UPDATE identity_user SET name = :name, domain_id = :domainId, enabled = :enabled,
                            default_project_id = :defaultProjectId, description = :description, email = :email,
                            password_changed_at = :changedAt, password_expires_at = :expiresAt, extra = :extra
                        WHERE id = :id""")
                .bind("id", user.id())
                .bind("name", user.name())
                .bind("domainId", user.domainId())
                .bind("enabled", user.enabled())
                .bind("defaultProjectId", user.defaultProjectId())
                .bind("description", user.description())
                .bind("email", user.email())
                .bind("changedAt", Columns.millis(user.passwordChangedAt()))
                .bind("expiresAt", Columns.millis(user.passwordExpiresAt()))
                .bind("extra", ExtraJson.write(user.extra()))
                .execute();
        Columns.requireUpdated(rows, "user", user.id());
    }

    /** Group memberships and application credentials go with the user (foreign key cascade). */
    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM identity_user WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return Columns.single(handle.createQuery("SELECT password_hash FROM identity_user WHERE id = :id")
                .bind("id", userId)
                .map((rs, ctx) -> rs.getString(1))
                .list());
    }

    @Override
    public void setPassword(String userId, String passwordHash, Instant changedAt, Instant expiresAt) {
        int rows = handle.createUpdate("""
                        UPDATE identity_user SET password_hash = :passwordHash, password_changed_at = :changedAt,
                            password_expires_at = :expiresAt
                        WHERE id = :id""")
                .bind("id", userId)
                .bind("passwordHash", passwordHash)
                .bind("changedAt", Columns.millis(changedAt))
                .bind("expiresAt", Columns.millis(expiresAt))
                .execute();
        Columns.requireUpdated(rows, "user", userId);
    }
}
