package dev.kumo.store.compute;

import dev.kumo.core.compute.server.ServerGroup;
import dev.kumo.core.compute.store.ServerGroupRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Server groups in {@code compute_server_group}, members in {@code compute_server_group_member}. */
final class SqlServerGroupRepository implements ServerGroupRepository {
    private static final String COLUMNS = "id, project_id, user_id, name, policy, max_per_host, created_at";

    private final Handle handle;

    SqlServerGroupRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<ServerGroup> find(String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM compute_server_group WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(this::withMembers);
    }

    @Override
    public List<ServerGroup> list(String projectId, int limit, int offset) {
        String sql = "SELECT " + COLUMNS + " FROM compute_server_group"
                + (projectId == null ? "" : " WHERE project_id = :p") + " ORDER BY created_at, id"
                // SQLite takes OFFSET only after a LIMIT; the largest int is PostgreSQL's "no limit" too
                + " LIMIT " + (limit > 0 ? limit : Integer.MAX_VALUE) + " OFFSET " + Math.max(0, offset);
        var query = handle.createQuery(sql);
        if (projectId != null) {
            query.bind("p", projectId);
        }
        return query.map((rs, ctx) -> row(rs)).list().stream().map(this::withMembers).toList();
    }

    @Override
    public int count(String projectId) {
        return handle.createQuery("SELECT COUNT(*) FROM compute_server_group WHERE project_id = :p")
                .bind("p", projectId).mapTo(Integer.class).one();
    }

    @Override
    public void insert(ServerGroup g) {
        handle.createUpdate("INSERT INTO compute_server_group (" + COLUMNS + ") VALUES (:id, :project, :user, :name, "
                        + ":policy, :max, :created)")
                .bind("id", g.id()).bind("project", g.projectId()).bind("user", g.userId()).bind("name", g.name())
                .bind("policy", g.policy()).bind("max", g.maxPerHost()).bind("created", g.createdAt().toEpochMilli())
                .execute();
    }

    @Override
    public boolean delete(String id) {
        handle.createUpdate("DELETE FROM compute_server_group_member WHERE group_id = :id").bind("id", id).execute();
        return handle.createUpdate("DELETE FROM compute_server_group WHERE id = :id").bind("id", id).execute() > 0;
    }

    @Override
    public void addMember(String groupId, String serverId) {
        handle.createUpdate("INSERT INTO compute_server_group_member (group_id, server_id) VALUES (:g, :s)")
                .bind("g", groupId).bind("s", serverId).execute();
    }

    @Override
    public Optional<ServerGroup> groupOf(String serverId) {
        return handle.createQuery("SELECT group_id FROM compute_server_group_member WHERE server_id = :s")
                .bind("s", serverId).mapTo(String.class).findOne().flatMap(this::find);
    }

    @Override
    public void removeMember(String serverId) {
        handle.createUpdate("DELETE FROM compute_server_group_member WHERE server_id = :s").bind("s", serverId).execute();
    }

    private ServerGroup withMembers(ServerGroup g) {
        // members in the order they joined the group: rowid in SQLite is not portable, server creation time is
        List<String> members = handle.createQuery("""
                        SELECT m.server_id FROM compute_server_group_member m
                        LEFT JOIN compute_server s ON s.id = m.server_id
                        WHERE m.group_id = :g ORDER BY s.created_at, m.server_id""")
                .bind("g", g.id()).mapTo(String.class).list();
        return new ServerGroup(g.id(), g.projectId(), g.userId(), g.name(), g.policy(), g.maxPerHost(), g.createdAt(),
                members);
    }

    private static ServerGroup row(ResultSet rs) throws SQLException {
        int max = rs.getInt("max_per_host");
        Integer maxPerHost = rs.wasNull() ? null : max;
        return new ServerGroup(rs.getString("id"), rs.getString("project_id"), rs.getString("user_id"),
                rs.getString("name"), rs.getString("policy"), maxPerHost, Instant.ofEpochMilli(rs.getLong("created_at")),
                List.of());
    }
}
