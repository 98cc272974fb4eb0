package dev.kumo.core.network.quota;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.error.CloudError;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The quota API and the check every create makes. Limits are -1 (unlimited) or at least 0. */
public final class QuotaService {
    /** Neutron's default quota_router. */
    private static final int DEFAULT_ROUTER_QUOTA = 10;
    /** Neutron's default quota_floatingip. */
    private static final int DEFAULT_FLOATINGIP_QUOTA = 50;
    /** Neutron's default quota_security_group and quota_security_group_rule. */
    private static final int DEFAULT_SECURITY_GROUP_QUOTA = 10;
    private static final int DEFAULT_SECURITY_GROUP_RULE_QUOTA = 100;

    private final NetworkStore store;
    private final NetworkSettings settings;

    public QuotaService(NetworkStore store, NetworkSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Fails with 409 OverQuota when {@code adding} more of {@code resource} would take the project past its
     * limit. Called inside the write transaction that adds them, so concurrent creates cannot both pass.
     */
    public void require(NetworkTx tx, String projectId, QuotaResource resource, long adding) {
        int limit = limits(tx, projectId).get(resource);
        if (limit >= 0 && used(tx, projectId, resource) + adding > limit) {
            throw NeutronErrors.overQuota(List.of(resource.apiName()));
        }
    }

    public Map<QuotaResource, Integer> defaults() {
        Map<QuotaResource, Integer> limits = new EnumMap<>(QuotaResource.class);
        limits.put(QuotaResource.NETWORK, settings.defaultNetworkQuota());
        limits.put(QuotaResource.SUBNET, settings.defaultSubnetQuota());
        limits.put(QuotaResource.PORT, settings.defaultPortQuota());
        limits.put(QuotaResource.ROUTER, DEFAULT_ROUTER_QUOTA);
        limits.put(QuotaResource.FLOATINGIP, DEFAULT_FLOATINGIP_QUOTA);
        limits.put(QuotaResource.SECURITY_GROUP, DEFAULT_SECURITY_GROUP_QUOTA);
        limits.put(QuotaResource.SECURITY_GROUP_RULE, DEFAULT_SECURITY_GROUP_RULE_QUOTA);
        return limits;
    }

    public Map<QuotaResource, Integer> show(NetworkCaller caller, String projectId) {
        requireReader(caller, projectId);
        return store.read(tx -> limits(tx, projectId));
    }

    public Map<QuotaResource, Integer> showDefaults(NetworkCaller caller, String projectId) {
        requireReader(caller, projectId);
        return defaults();
    }

    public Map<QuotaResource, QuotaUsage> details(NetworkCaller caller, String projectId) {
        requireReader(caller, projectId);
        return store.read(tx -> {
            Map<QuotaResource, QuotaUsage> out = new EnumMap<>(QuotaResource.class);
            limits(tx, projectId).forEach((r, limit) -> out.put(r, new QuotaUsage(used(tx, projectId, r), limit, 0)));
            return out;
        });
    }

    /** Every project with an override, with its whole quota set (admins only). */
    public Map<String, Map<QuotaResource, Integer>> list(NetworkCaller caller) {
        requireAdmin(caller);
        return store.read(tx -> {
            Map<String, Map<QuotaResource, Integer>> out = new LinkedHashMap<>();
            tx.quotas().allOverrides().keySet().forEach(p -> out.put(p, limits(tx, p)));
            return out;
        });
    }

    public Map<QuotaResource, Integer> update(NetworkCaller caller, String projectId, Map<String, Object> values) {
        requireAdmin(caller);
        Map<QuotaResource, Integer> parsed = new EnumMap<>(QuotaResource.class);
        values.forEach((name, value) -> parsed.put(resource(name), limit(name, value)));
        return store.write(tx -> {
            parsed.forEach((r, limit) -> tx.quotas().set(projectId, r.apiName(), limit));
            return limits(tx, projectId);
        });
    }

    public void reset(NetworkCaller caller, String projectId) {
        requireAdmin(caller);
        store.write(tx -> {
            tx.quotas().clear(projectId);
            return null;
        });
    }

    private Map<QuotaResource, Integer> limits(NetworkTx tx, String projectId) {
        Map<QuotaResource, Integer> limits = defaults();
        tx.quotas().overrides(projectId).forEach((name, limit) ->
                QuotaResource.fromApiName(name).ifPresent(r -> limits.put(r, limit)));
        return limits;
    }

    private static long used(NetworkTx tx, String projectId, QuotaResource resource) {
        return switch (resource) {
            case NETWORK -> tx.networks().countOwnedBy(projectId);
            case SUBNET -> tx.subnets().countOwnedBy(projectId);
            case PORT -> tx.ports().countOwnedBy(projectId);
            case ROUTER -> tx.routers().countOwnedBy(projectId);
            case FLOATINGIP -> tx.floatingIps().countOwnedBy(projectId);
            case SECURITY_GROUP -> tx.securityGroups().countOwnedBy(projectId);
            case SECURITY_GROUP_RULE -> tx.securityGroups().countRulesOwnedBy(projectId);
        };
    }

    private static QuotaResource resource(String name) {
        return QuotaResource.fromApiName(name).orElseThrow(() -> NeutronErrors.invalidInput(
                "Unrecognized quota resource '%s'; this cloud has quotas for network, subnet, port, router, floatingip, security_group and security_group_rule", name));
    }

    private static int limit(String name, Object value) {
        long limit;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            limit = n.longValue();
        } else if (value instanceof String s && s.strip().matches("-?\\d{1,10}")) {
            limit = Long.parseLong(s.strip());
        } else {
            throw NeutronErrors.invalidAttribute(name, "'" + value + "' is not an integer");
        }
        if (limit < -1 || limit > Integer.MAX_VALUE) {
            throw NeutronErrors.invalidAttribute(name, "'" + limit + "' is too small - must be at least '-1'");
        }
        return (int) limit;
    }

    private static void requireReader(NetworkCaller caller, String projectId) {
        if (!caller.admin() && !projectId.equals(caller.projectId())) {
            throw new CloudError.Forbidden("HTTPForbidden",
                    "Non-admin is not authorized to access quotas for another project").exception();
        }
    }

    private static void requireAdmin(NetworkCaller caller) {
        if (!caller.admin()) {
            throw new CloudError.Forbidden("HTTPForbidden", "Only admin can view or configure quota").exception();
        }
    }
}
