package dev.kumo.store.compute;

import dev.kumo.core.compute.store.QuotaRepository;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

final class SqlQuotaRepository implements QuotaRepository {
    private final Handle handle;

    SqlQuotaRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<String, Integer> overrides(String projectId) {
        var out = new HashMap<String, Integer>();
        handle.createQuery("SELECT resource, hard_limit FROM compute_quota WHERE project_id = :p").bind("p", projectId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public void set(String projectId, String resource, int limit) {
        handle.createUpdate("DELETE FROM compute_quota WHERE project_id = :p AND resource = :r")
                .bind("p", projectId).bind("r", resource).execute();
        handle.createUpdate("INSERT INTO compute_quota (project_id, resource, hard_limit) VALUES (:p, :r, :l)")
                .bind("p", projectId).bind("r", resource).bind("l", limit).execute();
    }
}
