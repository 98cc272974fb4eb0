package dev.kumo.store.compute;

import dev.kumo.core.compute.store.QuotaRepository;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

final class SqlQuotaRepository implements QuotaRepository {
    private final Handle handle;

    SqlQuotaRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Map<String, Integer> overrides(String projectId) {
        return limits(handle.createQuery("SELECT resource, hard_limit FROM compute_quota WHERE project_id = :p")
                .bind("p", projectId));
    }

    @Override
    public void set(String projectId, String resource, int limit) {
        handle.createUpdate("DELETE FROM compute_quota WHERE project_id = :p AND resource = :r")
                .bind("p", projectId).bind("r", resource).execute();
        handle.createUpdate("INSERT INTO compute_quota (project_id, resource, hard_limit) VALUES (:p, :r, :l)")
                .bind("p", projectId).bind("r", resource).bind("l", limit).execute();
    }

    @Override
    public void deleteProject(String projectId) {
        handle.createUpdate("DELETE FROM compute_quota WHERE project_id = :p").bind("p", projectId).execute();
        handle.createUpdate("DELETE FROM compute_user_quota WHERE project_id = :p").bind("p", projectId).execute();
    }

    @Override
    public Map<String, Integer> userOverrides(String projectId, String userId) {
        return limits(handle.createQuery(
                        "SELECT resource, hard_limit FROM compute_user_quota WHERE project_id = :p AND user_id = :u")
                .bind("p", projectId).bind("u", userId));
    }

    @Override
    public void setUser(String projectId, String userId, String resource, int limit) {
        handle.createUpdate("DELETE FROM compute_user_quota WHERE project_id = :p AND user_id = :u AND resource = :r")
                .bind("p", projectId).bind("u", userId).bind("r", resource).execute();
        handle.createUpdate("""
                        INSERT INTO compute_user_quota (project_id, user_id, resource, hard_limit)
                        VALUES (:p, :u, :r, :l)""")
                .bind("p", projectId).bind("u", userId).bind("r", resource).bind("l", limit).execute();
    }

    @Override
    public void deleteUser(String projectId, String userId) {
        handle.createUpdate("DELETE FROM compute_user_quota WHERE project_id = :p AND user_id = :u")
                .bind("p", projectId).bind("u", userId).execute();
    }

    @Override
    public Map<String, Integer> classLimits(String className) {
        return limits(handle.createQuery("SELECT resource, hard_limit FROM compute_quota_class WHERE class_name = :c")
                .bind("c", className));
    }

    @Override
    public void setClass(String className, String resource, int limit) {
        handle.createUpdate("DELETE FROM compute_quota_class WHERE class_name = :c AND resource = :r")
                .bind("c", className).bind("r", resource).execute();
        handle.createUpdate("INSERT INTO compute_quota_class (class_name, resource, hard_limit) VALUES (:c, :r, :l)")
                .bind("c", className).bind("r", resource).bind("l", limit).execute();
    }

    private static Map<String, Integer> limits(Query query) {
        var out = new HashMap<String, Integer>();
        query.map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
