package dev.kumo.store.identity;

import dev.kumo.core.identity.store.EndpointGroupRepository;
import dev.kumo.model.identity.EndpointGroup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Endpoint groups in {@code endpoint_group}, filters as a JSON object. */
final class SqlEndpointGroupRepository implements EndpointGroupRepository {
    private final Handle handle;

    SqlEndpointGroupRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<EndpointGroup> all() {
        return handle.createQuery("SELECT id, name, description, filters FROM endpoint_group ORDER BY id")
                .map((rs, ctx) -> row(rs)).list();
    }

    @Override
    public Optional<EndpointGroup> get(String id) {
        return handle.createQuery("SELECT id, name, description, filters FROM endpoint_group WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> row(rs))
                .findOne();
    }

    @Override
    public void insert(EndpointGroup group) {
        handle.createUpdate("""
                        INSERT INTO endpoint_group (id, name, description, filters)
                        VALUES (:id, :name, :description, :filters)""")
                .bind("id", group.id())
                .bind("name", group.name())
                .bind("description", group.description())
                .bind("filters", ExtraJson.write(new LinkedHashMap<>(group.filters())))
                .execute();
    }

    @Override
    public void update(EndpointGroup group) {
        int rows = handle.createUpdate("""
                        UPDATE endpoint_group SET name = :name, description = :description, filters = :filters
                        WHERE id = :id""")
                .bind("id", group.id())
                .bind("name", group.name())
                .bind("description", group.description())
                .bind("filters", ExtraJson.write(new LinkedHashMap<>(group.filters())))
                .execute();
        Columns.requireUpdated(rows, "endpoint group", group.id());
    }

    @Override
    public boolean delete(String id) {
        return handle.createUpdate("DELETE FROM endpoint_group WHERE id = :id").bind("id", id).execute() > 0;
    }

    private static EndpointGroup row(ResultSet rs) throws SQLException {
        Map<String, String> filters = new LinkedHashMap<>();
        ExtraJson.read(rs.getString("filters")).forEach((k, v) -> filters.put(k, String.valueOf(v)));
        return new EndpointGroup(rs.getString("id"), rs.getString("name"), rs.getString("description"), filters);
    }
}
