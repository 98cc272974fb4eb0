package dev.kumo.core.compute.quota;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.core.compute.store.ServerRepository.Usage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Nova's quotas. Checks run inside the write transaction that creates the resource, so two concurrent
 * creates cannot both take the last unit (writes are serialised).
 */
public final class QuotaService {
    /** Nova's defaults; -1 is unlimited. */
    public static final Map<String, Integer> DEFAULTS = defaults();

    private final ComputeStore store;

    public QuotaService(ComputeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    private static Map<String, Integer> defaults() {
        var d = new LinkedHashMap<String, Integer>();
        d.put("instances", 10);
        d.put("cores", 20);
        d.put("ram", 51200);
        d.put("key_pairs", 100);
        d.put("metadata_items", 128);
        d.put("server_groups", 10);
        d.put("server_group_members", 10);
        d.put("injected_files", 5);
        d.put("injected_file_content_bytes", 10240);
        d.put("injected_file_path_bytes", 255);
        return Map.copyOf(d);
    }

    public Map<String, Integer> limits(ComputeTx tx, String projectId) {
        var limits = new LinkedHashMap<>(DEFAULTS);
        limits.putAll(tx.quotas().overrides(projectId));
        return limits;
    }

    public Map<String, Integer> show(ComputeCaller caller, String projectId) {
        if (!caller.owns(projectId)) {
            throw ComputeErrors.policy("os_compute_api:os-quota-sets:show");
        }
        return store.read(tx -> limits(tx, projectId));
    }

    public Usage usage(String projectId) {
        return store.read(tx -> tx.servers().projectUsage(projectId));
    }

    public Map<String, Integer> update(ComputeCaller caller, String projectId, Map<String, Integer> changes) {
        if (!caller.admin()) {
            throw ComputeErrors.policy("os_compute_api:os-quota-sets:update");
        }
        for (var e : changes.entrySet()) {
            if (!DEFAULTS.containsKey(e.getKey())) {
                throw ComputeErrors.badRequest("Bad key(s) %s in quota_set", e.getKey());
            }
            if (e.getValue() < -1) {
                throw ComputeErrors.badRequest("Quota limit %d for %s must be -1 or greater.", e.getValue(), e.getKey());
            }
        }
        return store.write(tx -> {
            changes.forEach((k, v) -> tx.quotas().set(projectId, k, v));
            return limits(tx, projectId);
        });
    }

    /** Inside the creating transaction: 403 naming the first quota {@code count} more servers would exceed. */
    public void checkServers(ComputeTx tx, String projectId, int count, int vcpus, int ramMb) {
        var limits = limits(tx, projectId);
        Usage used = tx.servers().projectUsage(projectId);
        exceeds(limits, "instances", used.instances(), count);
        exceeds(limits, "cores", used.vcpus(), (long) count * vcpus);
        exceeds(limits, "ram", used.ramMb(), (long) count * ramMb);
    }

    /** Inside the transaction that sets a server's metadata: 403 if it has more items than the quota. */
    public void checkMetadata(ComputeTx tx, String projectId, int items) {
        exceeds(limits(tx, projectId), "metadata_items", 0, items);
    }

    public void checkKeypairs(ComputeTx tx, ComputeCaller caller, String userId) {
        var limits = caller.projectId() == null ? DEFAULTS : limits(tx, caller.projectId());
        int limit = limits.get("key_pairs");
        if (limit >= 0 && tx.keypairs().count(userId) + 1 > limit) {
            throw ComputeErrors.overLimit("Quota exceeded, too many key pairs.");
        }
    }

    private static void exceeds(Map<String, Integer> limits, String resource, long used, long wanted) {
        int limit = limits.get(resource);
        if (limit >= 0 && used + wanted > limit) {
            throw ComputeErrors.overLimit("Quota exceeded for %s: Requested %d, but already used %d of %d %s",
                    resource, wanted, used, limit, resource);
        }
    }
}
