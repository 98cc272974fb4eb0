package dev.kumo.core.network.subnetpool;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.tag.Tags;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.SubnetPool;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Neutron's subnet pool API. Only admins make a pool shared or the default of its IP version (one default
 * per version); prefixes may only grow; a pool with subnets cannot be deleted.
 */
public final class SubnetPoolService {
    private final NetworkStore store;
    private final Clock clock;

    public SubnetPoolService(NetworkStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SubnetPool get(NetworkCaller caller, String id) {
        return store.read(tx -> find(tx, caller, id));
    }

    public List<SubnetPool> list(NetworkCaller caller, ListQuery<SubnetPoolAttribute> query) {
        return store.read(tx -> tx.subnetPools().list(query, caller.viewer()));
    }

    public SubnetPool create(NetworkCaller caller, SubnetPoolRequest in) {
        if (Boolean.TRUE.equals(in.shared())) {
            NetworkPolicy.requireAdmin(caller, "create_subnetpool:shared");
        }
        if (Boolean.TRUE.equals(in.isDefault())) {
            NetworkPolicy.requireAdmin(caller, "create_subnetpool:is_default");
        }
        String project = NetworkPolicy.owningProject(caller, in.projectId());
        PrefixSpace prefixes = SubnetPoolRules.prefixes(in.prefixes());
        int version = prefixes.blocks().getFirst().version();
        SubnetPoolRules.Bounds bounds = SubnetPoolRules.bounds(version, in.minPrefixlen(), in.maxPrefixlen(),
                in.defaultPrefixlen());
        var pool = new SubnetPool(UUID.randomUUID().toString(), project,
                in.name() == null ? "" : TextRules.limited("name", in.name()), version, texts(prefixes),
                bounds.min(), bounds.max(), bounds.defaultLength(), SubnetPoolRules.quota(in.defaultQuota()),
                Boolean.TRUE.equals(in.shared()), Boolean.TRUE.equals(in.isDefault()),
                SubnetPoolRules.addressScope(in.addressScopeId()),
                StandardAttributes.created(TextRules.limited("description", in.description()), Tags.valid(in.tags()),
                        clock.instant()));
        store.write(tx -> {
            if (pool.isDefault()) {
                requireNoOtherDefault(tx, pool);
            }
            tx.subnetPools().insert(pool);
            return null;
        });
        return get(caller, pool.id());
    }

    public SubnetPool update(NetworkCaller caller, String id, SubnetPoolRequest in) {
        if (in.isDefault() != null) {
            NetworkPolicy.requireAdmin(caller, "update_subnetpool:is_default");
        }
        store.write(tx -> {
            SubnetPool old = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, old.projectId(), "update_subnetpool");
            SubnetPool changed = changed(old, in);
            if (changed.isDefault() && !old.isDefault()) {
                requireNoOtherDefault(tx, changed);
            }
            tx.subnetPools().update(changed);
            return null;
        });
        return get(caller, id);
    }

    /** Neutron: 400 SubnetPoolDeleteError while any subnet holds a prefix from the pool. */
    public void delete(NetworkCaller caller, String id) {
        store.write(tx -> {
            SubnetPool pool = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, pool.projectId(), "delete_subnetpool");
            if (!tx.subnetPools().allocatedCidrs(id, null).isEmpty()) {
                throw NeutronErrors.typed(400, "SubnetPoolDeleteError", "Unable to delete subnet pool: Subnet pool has "
                        + "existing allocations.");
            }
            tx.subnetPools().delete(id);
            return null;
        });
    }

    private SubnetPool changed(SubnetPool old, SubnetPoolRequest in) {
        List<String> prefixes = old.prefixes();
        if (in.prefixes() != null) {
            PrefixSpace grown = SubnetPoolRules.prefixes(in.prefixes());
            PrefixSpace before = PrefixSpace.of(old.prefixes().stream().map(Cidr::parse).toList());
            if (grown.blocks().getFirst().version() != old.ipVersion() || !before.minus(grown).isEmpty()) {
                throw NeutronErrors.typed(400, "IllegalSubnetPoolPrefixUpdate", "Illegal update to prefixes: Existing "
                        + "prefixes must be a subset of the new prefixes.");
            }
            prefixes = texts(grown);
        }
        SubnetPoolRules.Bounds bounds = SubnetPoolRules.bounds(old.ipVersion(),
                in.minPrefixlen() != null ? in.minPrefixlen() : old.minPrefixlen(),
                in.maxPrefixlen() != null ? in.maxPrefixlen() : old.maxPrefixlen(),
                in.defaultPrefixlen() != null ? in.defaultPrefixlen() : old.defaultPrefixlen());
        StandardAttributes standard = old.standard().revised(clock.instant());
        if (in.description() != null) {
            standard = standard.withDescription(TextRules.limited("description", in.description()));
        }
        return new SubnetPool(old.id(), old.projectId(), in.name() == null ? old.name() : TextRules.limited("name", in.name()),
                old.ipVersion(), prefixes, bounds.min(), bounds.max(), bounds.defaultLength(),
                in.defaultQuotaGiven() ? SubnetPoolRules.quota(in.defaultQuota()) : old.defaultQuota(), old.shared(),
                in.isDefault() == null ? old.isDefault() : in.isDefault(),
                in.addressScopeGiven() ? SubnetPoolRules.addressScope(in.addressScopeId()) : old.addressScopeId(),
                standard);
    }

    private static void requireNoOtherDefault(NetworkTx tx, SubnetPool pool) {
        if (tx.subnetPools().defaultPool(pool.ipVersion()).filter(p -> !p.id().equals(pool.id())).isPresent()) {
            throw NeutronErrors.invalidInput("A default subnetpool for this IP family has already been set. Only one "
                    + "default may exist per IP family");
        }
    }

    static SubnetPool find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.subnetPools().find(id, caller.viewer()).orElseThrow(() -> NeutronErrors.subnetPoolNotFound(id));
    }

    private static List<String> texts(PrefixSpace space) {
        return space.blocks().stream().map(Cidr::toString).toList();
    }
}
