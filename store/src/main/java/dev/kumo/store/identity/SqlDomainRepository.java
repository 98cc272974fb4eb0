package dev.kumo.store.identity;

import dev.kumo.core.identity.store.DomainRepository;
import dev.kumo.model.identity.Domain;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Domains in {@code domain}, their tags in {@code domain_tag}. */
final class SqlDomainRepository implements DomainRepository {
    private static final TagTable TAGS = new TagTable("domain_tag", "domain_id");

    private final Handle handle;

    SqlDomainRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Domain> all() {
        Map<String, List<String>> tags = TAGS.all(handle);
        return handle.createQuery("SELECT id, name, description, enabled, extra FROM domain ORDER BY id")
                .map((rs, ctx) -> new Domain(rs.getString("id"), rs.getString("name"), rs.getString("description"),
                        rs.getBoolean("enabled"), tags.getOrDefault(rs.getString("id"), List.of()),
                        ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insert(Domain domain) {
        handle.createUpdate("""
                        INSERT INTO domain (id, name, description, enabled, extra)
                        VALUES (:id, :name, :description, :enabled, :extra)""")
                .bind("id", domain.id())
                .bind("name", domain.name())
                .bind("description", domain.description())
                .bind("enabled", domain.enabled())
                .bind("extra", ExtraJson.write(domain.extra()))
                .execute();
        TAGS.insert(handle, domain.id(), domain.tags());
    }

    @Override
    public void update(Domain domain) {
        int rows = handle.createUpdate("""
                        UPDATE domain SET name = :name, description = :description, enabled = :enabled, extra = :extra
                        WHERE id = :id""")
                .bind("id", domain.id())
                .bind("name", domain.name())
                .bind("description", domain.description())
                .bind("enabled", domain.enabled())
                .bind("extra", ExtraJson.write(domain.extra()))
                .execute();
        Columns.requireUpdated(rows, "domain", domain.id());
        TAGS.replace(handle, domain.id(), domain.tags());
    }

    /** Its tags go with it (foreign key cascade). */
    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM domain WHERE id = :id").bind("id", id).execute();
    }
}
