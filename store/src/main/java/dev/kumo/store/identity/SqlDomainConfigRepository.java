package dev.kumo.store.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.core.identity.store.DomainConfigRepository;
import dev.kumo.model.identity.DomainConfigOption;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Domain configuration options in {@code domain_config}, each value as JSON text; they go with the domain. */
final class SqlDomainConfigRepository implements DomainConfigRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Handle handle;

    SqlDomainConfigRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<DomainConfigOption> options(String domainId) {
        return handle.createQuery("""
                        SELECT domain_id, group_name, option_name, value, sensitive FROM domain_config
                        WHERE domain_id = :domainId ORDER BY group_name, option_name""")
                .bind("domainId", domainId)
                .map((rs, ctx) -> new DomainConfigOption(rs.getString("domain_id"), rs.getString("group_name"),
                        rs.getString("option_name"), read(rs.getString("value")), rs.getBoolean("sensitive")))
                .list();
    }

    /** An upsert both databases understand (SQLite 3.24+). */
    @Override
    public void put(List<DomainConfigOption> options) {
        if (options.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO domain_config (domain_id, group_name, option_name, value, sensitive)
                VALUES (:domainId, :group, :option, :value, :sensitive)
                ON CONFLICT (domain_id, group_name, option_name)
                DO UPDATE SET value = excluded.value, sensitive = excluded.sensitive""");
        for (DomainConfigOption o : options) {
            batch.bind("domainId", o.domainId()).bind("group", o.group()).bind("option", o.option())
                    .bind("value", write(o.value())).bind("sensitive", o.sensitive()).add();
        }
        batch.execute();
    }

    @Override
    public int delete(String domainId, String group, String option) {
        StringBuilder sql = new StringBuilder("DELETE FROM domain_config WHERE domain_id = :domainId");
        if (group != null) {
            sql.append(" AND group_name = :group");
            if (option != null) {
                sql.append(" AND option_name = :option");
            }
        }
        var update = handle.createUpdate(sql.toString()).bind("domainId", domainId);
        if (group != null) {
            update.bind("group", group);
            if (option != null) {
                update.bind("option", option);
            }
        }
        return update.execute();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a domain configuration value cannot be stored as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static Object read(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored domain configuration value is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
