package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ComputeTx;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Server tags (2.26) as Nova checks them: at most 50 per server, 1 to 60 characters, no ',' or '/'. */
public final class ServerTags {
    private static final int MAX_TAGS = 50;

    private final ComputeStore store;

    ServerTags(ComputeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public List<String> list(ComputeCaller caller, String serverId) {
        return store.read(tx -> {
            requireServer(tx, caller, serverId);
            return tx.tags().of(serverId);
        });
    }

    /** The tags of servers the caller already may see (for the server views), by server id. */
    public Map<String, List<String>> of(Collection<String> serverIds) {
        return store.read(tx -> tx.tags().of(serverIds));
    }

    public boolean has(ComputeCaller caller, String serverId, String tag) {
        return list(caller, serverId).contains(tag);
    }

    /** True if the tag is new on the server. */
    public boolean add(ComputeCaller caller, String serverId, String tag) {
        check(tag);
        return store.write(tx -> {
            requireServer(tx, caller, serverId);
            List<String> tags = tx.tags().of(serverId);
            if (!tags.contains(tag) && tags.size() >= MAX_TAGS) {
                throw ComputeErrors.badRequest("Instance has too many tags: at most %d are allowed.", MAX_TAGS);
            }
            return tx.tags().add(serverId, tag);
        });
    }

    public List<String> replace(ComputeCaller caller, String serverId, List<String> tags) {
        tags.forEach(ServerTags::check);
        var unique = new LinkedHashSet<>(tags);
        if (unique.size() > MAX_TAGS) {
            throw ComputeErrors.badRequest("Instance has too many tags: at most %d are allowed.", MAX_TAGS);
        }
        return store.write(tx -> {
            requireServer(tx, caller, serverId);
            tx.tags().removeAll(serverId);
            unique.forEach(t -> tx.tags().add(serverId, t));
            return tx.tags().of(serverId);
        });
    }

    public void remove(ComputeCaller caller, String serverId, String tag) {
        store.write(tx -> {
            requireServer(tx, caller, serverId);
            if (!tx.tags().remove(serverId, tag)) {
                throw ComputeErrors.notFound("Tag %s could not be found.", tag);
            }
            return null;
        });
    }

    public void removeAll(ComputeCaller caller, String serverId) {
        store.write(tx -> {
            requireServer(tx, caller, serverId);
            tx.tags().removeAll(serverId);
            return null;
        });
    }

    private static void requireServer(ComputeTx tx, ComputeCaller caller, String id) {
        tx.servers().find(id).filter(s -> caller.owns(s.projectId()))
                .orElseThrow(() -> ComputeErrors.notFound("Instance %s could not be found.", id));
    }

    private static void check(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > 60 || tag.contains(",") || tag.contains("/")) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute tag. Value: %s. A tag has 1 to 60 characters, none of them ',' or '/'", tag);
        }
    }
}
