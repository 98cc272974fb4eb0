package dev.kumo.store.compute;

import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.store.TerminatedServerRepository;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Deleted servers' usage in {@code compute_terminated_server}. */
final class SqlTerminatedServerRepository implements TerminatedServerRepository {
    private final Handle handle;

    SqlTerminatedServerRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void record(Server s, Instant terminatedAt) {
        int known = handle.createQuery("SELECT COUNT(*) FROM compute_terminated_server WHERE id = :id")
                .bind("id", s.id()).mapTo(Integer.class).one();
        if (known > 0) {
            return;
        }
        handle.createUpdate("""
                        INSERT INTO compute_terminated_server (id, project_id, name, flavor_name, vcpus, ram_mb, disk_gb,
                            launched_at, terminated_at)
                        VALUES (:id, :project, :name, :flavor, :vcpus, :ram, :disk, :launched, :terminated)""")
                .bind("id", s.id()).bind("project", s.projectId()).bind("name", s.name())
                .bind("flavor", s.flavor().name()).bind("vcpus", s.flavor().vcpus()).bind("ram", s.flavor().ramMb())
                .bind("disk", s.flavor().diskGb() + s.flavor().ephemeralGb())
                .bind("launched", s.launchedAt() == null ? null : s.launchedAt().toEpochMilli())
                .bind("terminated", terminatedAt.toEpochMilli()).execute();
    }

    @Override
    public List<TerminatedServer> overlapping(String projectId, Instant from, Instant to) {
        var query = handle.createQuery("SELECT id, project_id, name, flavor_name, vcpus, ram_mb, disk_gb, launched_at, "
                + "terminated_at FROM compute_terminated_server WHERE terminated_at >= :from AND launched_at <= :to"
                + (projectId == null ? "" : " AND project_id = :p"))
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli());
        if (projectId != null) {
            query.bind("p", projectId);
        }
        return query.map((rs, ctx) -> new TerminatedServer(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), Instant.ofEpochMilli(rs.getLong(8)),
                Instant.ofEpochMilli(rs.getLong(9)))).list();
    }
}
