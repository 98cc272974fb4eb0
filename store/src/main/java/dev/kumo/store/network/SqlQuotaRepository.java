package dev.kumo.store.network;

import dev.kumo.core.network.store.QuotaRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Quota overrides in {@code network_quota}. */
final class SqlQuotaRepository implements QuotaRepository {
    private final Handle handle;

    SqlQuotaRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<String, Integer> overrides(String projectId) {
        Map<String, Integer> out = new LinkedHashMap<>();
        handle.createQuery("SELECT resource, quota_limit FROM network_quota WHERE project_id = :p ORDER BY resource")
                .bind("p", projectId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public Map<String, Map<String, Integer>> allOverrides() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        handle.createQuery("SELECT project_id, resource, quota_limit FROM network_quota ORDER BY project_id, resource")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3))})
                .forEach(r -> out.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Integer.parseInt(r[2])));
        return out;
    }

    /** Replaces any earlier override (delete then insert: both databases, no upsert dialects). */
    @Override
    public void set(String projectId, String resource, int limit) {
        handle.createUpdate("DELETE FROM network_quota WHERE project_id = :p AND resource = :r")
                .bind("p", projectId).bind("r", resource).execute();
        handle.createUpdate("INSERT INTO network_quota (project_id, resource, quota_limit) VALUES (:p, :r, :l)")
                .bind("p", projectId).bind("r", resource).bind("l", limit).execute();
    }

    @Override
    public void clear(String projectId) {
        handle.createUpdate("DELETE FROM network_quota WHERE project_id = :p").bind("p", projectId).execute();
    }
}
