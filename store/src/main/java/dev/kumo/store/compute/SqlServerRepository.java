package dev.kumo.store.compute;

import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.TaskState;
import dev.kumo.core.compute.store.ServerQuery;
import dev.kumo.core.compute.store.ServerRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** Servers: filter columns plus the whole record as JSON in {@code doc}. */
final class SqlServerRepository implements ServerRepository {
    private final Handle handle;

    SqlServerRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Server> find(String id) {
        return handle.createQuery("SELECT doc FROM compute_server WHERE id = :id").bind("id", id)
                .mapTo(String.class).findOne().map(json -> ComputeJson.read(json, Server.class));
    }

    @Override
    public List<Server> list(ServerQuery q) {
        var where = new ArrayList<String>();
        var binds = new HashMap<String, Object>();
        add(where, binds, "project_id", q.projectId());
        add(where, binds, "vm_state", q.vmState());
        add(where, binds, "image_id", q.imageId());
        add(where, binds, "flavor_id", q.flavorId());
        add(where, binds, "host", q.host());
        if (q.changesSince() != null) {
            where.add("updated_at >= :since");
            binds.put("since", q.changesSince().toEpochMilli());
        }
        if (q.marker() != null) {
            where.add("(created_at < (SELECT created_at FROM compute_server WHERE id = :marker) OR "
                    + "(created_at = (SELECT created_at FROM compute_server WHERE id = :marker) AND id < :marker))");
            binds.put("marker", q.marker());
        }
        String sql = "SELECT doc FROM compute_server" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC" + (q.limit() > 0 ? " LIMIT " + q.limit() : "");
        Query query = handle.createQuery(sql);
        binds.forEach(query::bind);
        return query.mapTo(String.class).map(json -> ComputeJson.read(json, Server.class)).list();
    }

    private static void add(List<String> where, Map<String, Object> binds, String column, String value) {
        if (value != null) {
            where.add(column + " = :" + column);
            binds.put(column, value);
        }
    }

    @Override
    public void insert(Server s) {
        handle.createUpdate("""
                        INSERT INTO compute_server (id, project_id, user_id, name, vm_state, task_state, image_id,
                            flavor_id, host, vcpus, ram_mb, disk_gb, created_at, updated_at, doc)
                        VALUES (:id, :project, :user, :name, :vm, :task, :image, :flavor, :host, :vcpus, :ram, :disk,
                            :created, :updated, :doc)""")
                .bind("id", s.id()).bind("project", s.projectId()).bind("user", s.userId()).bind("name", s.name())
                .bind("vm", s.vmState().wire()).bind("task", s.taskState() == null ? null : s.taskState().wire())
                .bind("image", s.imageId()).bind("flavor", s.flavor().id()).bind("host", s.host())
                .bind("vcpus", s.flavor().vcpus()).bind("ram", s.flavor().ramMb())
                .bind("disk", s.flavor().diskGb() + s.flavor().ephemeralGb())
                .bind("created", s.createdAt().toEpochMilli()).bind("updated", s.updatedAt().toEpochMilli())
                .bind("doc", ComputeJson.write(s)).execute();
    }

    @Override
    public void update(Server s) {
        updateWhere(s, "", null);
    }

    @Override
    public boolean updateIfTask(Server s, TaskState expected) {
        return updateWhere(s, " AND task_state = :expected", expected.wire()) > 0;
    }

    private int updateWhere(Server s, String condition, String expected) {
        var update = handle.createUpdate("""
                        UPDATE compute_server SET name = :name, vm_state = :vm, task_state = :task, host = :host,
                            image_id = :image, flavor_id = :flavor, vcpus = :vcpus, ram_mb = :ram, disk_gb = :disk,
                            updated_at = :updated, doc = :doc WHERE id = :id""" + condition)
                .bind("id", s.id()).bind("name", s.name()).bind("vm", s.vmState().wire())
                .bind("image", s.imageId()).bind("flavor", s.flavor().id()).bind("vcpus", s.flavor().vcpus())
                .bind("ram", s.flavor().ramMb()).bind("disk", s.flavor().diskGb() + s.flavor().ephemeralGb())
                .bind("task", s.taskState() == null ? null : s.taskState().wire()).bind("host", s.host())
                .bind("updated", s.updatedAt().toEpochMilli()).bind("doc", ComputeJson.write(s));
        if (expected != null) {
            update.bind("expected", expected);
        }
        return update.execute();
    }

    @Override
    public boolean delete(String id) {
        handle.createUpdate("DELETE FROM compute_server_tag WHERE server_id = :id").bind("id", id).execute();
        handle.createUpdate("DELETE FROM compute_server_group_member WHERE server_id = :id").bind("id", id).execute();
        handle.createUpdate("DELETE FROM compute_server_hint WHERE server_id = :id").bind("id", id).execute();
        return handle.createUpdate("DELETE FROM compute_server WHERE id = :id").bind("id", id).execute() > 0;
    }

    @Override
    public List<String> pending() {
        return handle.createQuery("SELECT id FROM compute_server WHERE task_state IS NOT NULL").mapTo(String.class).list();
    }

    @Override
    public Usage projectUsage(String projectId) {
        return handle.createQuery("""
                        SELECT COUNT(*), COALESCE(SUM(vcpus), 0), COALESCE(SUM(ram_mb), 0), COALESCE(SUM(disk_gb), 0)
                        FROM compute_server WHERE project_id = :p""")
                .bind("p", projectId)
                .map((rs, ctx) -> new Usage(rs.getInt(1), rs.getInt(2), rs.getLong(3), rs.getLong(4))).one();
    }

    @Override
    public Map<String, Usage> hostUsage() {
        var out = new HashMap<String, Usage>();
        handle.createQuery("""
                        SELECT host, COUNT(*), SUM(vcpus), SUM(ram_mb), SUM(disk_gb) FROM compute_server
                        WHERE host IS NOT NULL GROUP BY host""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), new Usage(rs.getInt(2), rs.getInt(3), rs.getLong(4), rs.getLong(5))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
