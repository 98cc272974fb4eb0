package dev.kumo.store.compute;

import dev.kumo.core.compute.host.ComputeService;
import dev.kumo.core.compute.store.HostRepository;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

final class SqlHostRepository implements HostRepository {
    private final Handle handle;

    SqlHostRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void heartbeat(String host, String zone, Instant now) {
        int updated = handle.createUpdate("UPDATE compute_service SET last_seen = :t, zone = :z WHERE host = :h")
                .bind("t", now.toEpochMilli()).bind("z", zone).bind("h", host).execute();
        if (updated == 0) {
            int next = handle.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM compute_service").mapTo(Integer.class).one();
            handle.createUpdate("""
                            INSERT INTO compute_service (id, host, zone, disabled, disabled_reason, last_seen)
                            VALUES (:id, :h, :z, FALSE, NULL, :t)""")
                    .bind("id", next).bind("h", host).bind("z", zone).bind("t", now.toEpochMilli()).execute();
        }
    }

    @Override
    public List<ComputeService> list() {
        return handle.createQuery("SELECT * FROM compute_service ORDER BY id")
                .map((rs, ctx) -> new ComputeService(rs.getInt("id"), rs.getString("host"), rs.getString("zone"),
                        rs.getBoolean("disabled"), rs.getString("disabled_reason"),
                        Instant.ofEpochMilli(rs.getLong("last_seen")), rs.getBoolean("forced_down")))
                .list();
    }

    @Override
    public boolean setForcedDown(String host, boolean forcedDown) {
        return handle.createUpdate("UPDATE compute_service SET forced_down = :f WHERE host = :h")
                .bind("f", forcedDown).bind("h", host).execute() > 0;
    }

    @Override
    public boolean setDisabled(String host, boolean disabled, String reason) {
        return handle.createUpdate("UPDATE compute_service SET disabled = :d, disabled_reason = :r WHERE host = :h")
                .bind("d", disabled).bind("r", reason).bind("h", host).execute() > 0;
    }
}
