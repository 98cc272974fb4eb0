package dev.kumo.store.identity;

import dev.kumo.core.identity.store.SecretRepository;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Named secrets in {@code secret}; values are stored as given, so callers encode binary keys as text. */
final class SqlSecretRepository implements SecretRepository {
    private final Handle handle;

    SqlSecretRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<String> get(String name) {
        return Columns.single(handle.createQuery("SELECT value FROM secret WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> rs.getString(1))
                .list());
    }

    /**
     * ON CONFLICT DO NOTHING rather than a read first: correct even without the writers' serialisation, as
     * whoever inserts first wins and everyone then reads the winner's value.
     */
    @Override
    public String putIfAbsent(String name, String value) {
        handle.createUpdate("INSERT INTO secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .bind("name", name)
                .bind("value", value)
                .execute();
        return get(name).orElseThrow();
    }
}
