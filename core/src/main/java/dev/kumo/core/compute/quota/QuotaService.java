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
 * Nova's quotas. Limits resolve user -> project -> quota class "default" -> built-in defaults. Checks run
 * inside the write transaction that creates the resource, so two concurrent creates cannot both take the
 * last unit (writes are serialised).
 */
public final class QuotaService {
    /** Nova's built-in defaults; -1 is unlimited. The network ones are only shown (Neutron enforces its own). */
    public static final Map<String, Integer> DEFAULTS = QuotaNames.defaults();
    private static final String DEFAULT_CLASS = "default";

    private final ComputeStore store;

    public QuotaService(ComputeStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The built-in defaults with what an admin set on the "default" quota class. */
    public Map<String, Integer> defaults(ComputeTx tx) {
        var limits = new LinkedHashMap<>(DEFAULTS);
        limits.putAll(tx.quotas().classLimits(DEFAULT_CLASS));
        return limits;
    }

    public Map<String, Integer> limits(ComputeTx tx, String projectId) {
        var limits = defaults(tx);
        limits.putAll(tx.quotas().overrides(projectId));
        return limits;
    }

    public Map<String, Integer> defaults() {
        return store.read(this::defaults);
    }

    public Map<String, Integer> show(ComputeCaller caller, String projectId) {
        return show(caller, projectId, null);
    }

    /** A project's limits, or with {@code userId} that user's inside it. */
    public Map<String, Integer> show(ComputeCaller caller, String projectId, String userId) {
        if (!caller.owns(projectId)) {
            throw ComputeErrors.policy("os_compute_api:os-quota-sets:show");
        }
        return store.read(tx -> {
            var limits = limits(tx, projectId);
            if (userId != null) {
                limits.putAll(tx.quotas().userOverrides(projectId, userId));
            }
            return limits;
        });
    }

    public Usage usage(String projectId) {
        return store.read(tx -> tx.servers().projectUsage(projectId));
    }

    /** How many server groups the project has, for the quota detail's {@code in_use}. */
    public int serverGroupsInUse(String projectId) {
        return store.read(tx -> tx.serverGroups().count(projectId));
    }

    public Map<String, Integer> update(ComputeCaller caller, String projectId, Map<String, Integer> changes) {
        return update(caller, projectId, null, changes);
    }

    public Map<String, Integer> update(ComputeCaller caller, String projectId, String userId, Map<String, Integer> changes) {
        requireAdmin(caller, "os_compute_api:os-quota-sets:update");
        QuotaNames.check(changes);
        return store.write(tx -> {
            if (userId == null) {
                changes.forEach((k, v) -> tx.quotas().set(projectId, k, v));
                return limits(tx, projectId);
            }
            changes.forEach((k, v) -> tx.quotas().setUser(projectId, userId, k, v));
            var limits = limits(tx, projectId);
            limits.putAll(tx.quotas().userOverrides(projectId, userId));
            return limits;
        });
    }

    /** Nova's DELETE os-quota-sets: the project (or only the user) goes back to the defaults. */
    public void revert(ComputeCaller caller, String projectId, String userId) {
        requireAdmin(caller, "os_compute_api:os-quota-sets:delete");
        store.write(tx -> {
            if (userId == null) {
                tx.quotas().deleteProject(projectId);
            } else {
                tx.quotas().deleteUser(projectId, userId);
            }
            return null;
        });
    }

    /** A quota class's limits: the defaults with the class's own (Nova shows any class name this way). */
    public Map<String, Integer> showClass(ComputeCaller caller, String className) {
        requireAdmin(caller, "os_compute_api:os-quota-class-sets:show");
        return store.read(tx -> classLimits(tx, className));
    }

    public Map<String, Integer> updateClass(ComputeCaller caller, String className, Map<String, Integer> changes) {
        requireAdmin(caller, "os_compute_api:os-quota-class-sets:update");
        QuotaNames.check(changes);
        return store.write(tx -> {
            changes.forEach((k, v) -> tx.quotas().setClass(className, k, v));
            return classLimits(tx, className);
        });
    }

    private Map<String, Integer> classLimits(ComputeTx tx, String className) {
        var limits = defaults(tx);
        limits.putAll(tx.quotas().classLimits(className));
        return limits;
    }

    /** Inside the creating transaction: 403 naming the first quota {@code count} more servers would exceed. */
    public void checkServers(ComputeTx tx, String projectId, int count, int vcpus, int ramMb) {
        var limits = limits(tx, projectId);
        Usage used = tx.servers().projectUsage(projectId);
        exceeds(limits, "instances", used.instances(), count);
        exceeds(limits, "cores", used.vcpus(), (long) count * vcpus);
        exceeds(limits, "ram", used.ramMb(), (long) count * ramMb);
    }

    /** Inside a resize's transaction: only growth counts (Nova checks the delta of cores and RAM). */
    public void checkResize(ComputeTx tx, String projectId, int moreVcpus, int moreRamMb) {
        var limits = limits(tx, projectId);
        Usage used = tx.servers().projectUsage(projectId);
        exceeds(limits, "cores", used.vcpus(), Math.max(0, moreVcpus));
        exceeds(limits, "ram", used.ramMb(), Math.max(0, moreRamMb));
    }

    /** Inside the transaction that sets a server's metadata: 403 if it has more items than the quota. */
    public void checkMetadata(ComputeTx tx, String projectId, int items) {
        exceeds(limits(tx, projectId), "metadata_items", 0, items);
    }

    public void checkKeypairs(ComputeTx tx, ComputeCaller caller, String userId) {
        var limits = caller.projectId() == null ? defaults(tx) : limits(tx, caller.projectId());
        int limit = limits.get("key_pairs");
        if (limit >= 0 && tx.keypairs().count(userId) + 1 > limit) {
            throw ComputeErrors.overLimit("Quota exceeded, too many key pairs.");
        }
    }

    /** Inside the group's creating transaction: Nova's 403 when the project has all the groups it may. */
    public void checkServerGroups(ComputeTx tx, String projectId) {
        int limit = limits(tx, projectId).get("server_groups");
        if (limit >= 0 && tx.serverGroups().count(projectId) + 1 > limit) {
            throw ComputeErrors.overLimit("Quota exceeded, too many server groups.");
        }
    }

    /** Inside a server create's transaction: {@code adding} more members must fit the group's member quota. */
    public void checkGroupMembers(ComputeTx tx, String projectId, int members, int adding) {
        int limit = limits(tx, projectId).get("server_group_members");
        if (limit >= 0 && members + adding > limit) {
            throw ComputeErrors.overLimit("Quota exceeded, too many servers in group");
        }
    }

    private static void exceeds(Map<String, Integer> limits, String resource, long used, long wanted) {
        int limit = limits.get(resource);
        if (limit >= 0 && used + wanted > limit) {
            throw ComputeErrors.overLimit("Quota exceeded for %s: Requested %d, but already used %d of %d %s",
                    resource, wanted, used, limit, resource);
        }
    }

    private static void requireAdmin(ComputeCaller caller, String action) {
        if (!caller.admin()) {
            throw ComputeErrors.policy(action);
        }
    }
}
