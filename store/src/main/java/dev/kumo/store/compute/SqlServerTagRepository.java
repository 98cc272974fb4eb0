package dev.kumo.store.compute;

import dev.kumo.core.compute.store.ServerTagRepository;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

final class SqlServerTagRepository implements ServerTagRepository {
    private final Handle handle;

    SqlServerTagRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<String> of(String serverId) {
        return handle.createQuery("SELECT tag FROM compute_server_tag WHERE server_id = :s ORDER BY tag")
                .bind("s", serverId).mapTo(String.class).list();
    }

    @Override
    public Map<String, List<String>> of(Collection<String> serverIds) {
        if (serverIds.isEmpty()) {
            return Map.of();
        }
        return handle.createQuery("SELECT server_id, tag FROM compute_server_tag WHERE server_id IN (<ids>) ORDER BY tag")
                .bindList("ids", List.copyOf(serverIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    @Override
    public boolean add(String serverId, String tag) {
        if (of(serverId).contains(tag)) {
            return false;
        }
        handle.createUpdate("INSERT INTO compute_server_tag (server_id, tag) VALUES (:s, :t)")
                .bind("s", serverId).bind("t", tag).execute();
        return true;
    }

    @Override
    public boolean remove(String serverId, String tag) {
        return handle.createUpdate("DELETE FROM compute_server_tag WHERE server_id = :s AND tag = :t")
                .bind("s", serverId).bind("t", tag).execute() > 0;
    }

    @Override
    public void removeAll(String serverId) {
        handle.createUpdate("DELETE FROM compute_server_tag WHERE server_id = :s").bind("s", serverId).execute();
    }
}
