package dev.kumo.store.compute;

import dev.kumo.core.compute.server.SchedulerHints;
import dev.kumo.core.compute.store.SchedulerHintRepository;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Host hints in {@code compute_server_hint}, one row per named server. */
final class SqlSchedulerHintRepository implements SchedulerHintRepository {
    private static final String SAME = "same_host";
    private static final String DIFFERENT = "different_host";

    private final Handle handle;

    SqlSchedulerHintRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void save(String serverId, SchedulerHints hints) {
        insert(serverId, SAME, hints.sameHost());
        insert(serverId, DIFFERENT, hints.differentHost());
    }

    private void insert(String serverId, String kind, List<String> targets) {
        for (String target : targets.stream().distinct().toList()) {
            handle.createUpdate("INSERT INTO compute_server_hint (server_id, kind, target_id) VALUES (:s, :k, :t)")
                    .bind("s", serverId).bind("k", kind).bind("t", target).execute();
        }
    }

    @Override
    public SchedulerHints of(String serverId) {
        var same = new ArrayList<String>();
        var different = new ArrayList<String>();
        handle.createQuery("SELECT kind, target_id FROM compute_server_hint WHERE server_id = :s ORDER BY target_id")
                .bind("s", serverId).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .forEach(row -> (row[0].equals(SAME) ? same : different).add(row[1]));
        return new SchedulerHints(null, same, different);
    }
}
