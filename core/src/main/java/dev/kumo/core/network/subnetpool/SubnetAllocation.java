package dev.kumo.core.network.subnetpool;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.SubnetPool;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A new subnet's CIDR taken from a subnet pool, inside the subnet's write transaction, as Neutron's
 * SubnetAllocator does it: a given CIDR must be free in the pool; otherwise the first free block of the
 * requested (or the pool's default) prefix length. Both count against the pool's per-project quota.
 */
public final class SubnetAllocation {
    private SubnetAllocation() {}

    /** What a subnet create says about pools ({@code prefixlen} only counts without a cidr). */
    public record PoolChoice(String subnetpoolId, boolean useDefault, Integer ipVersion, String cidr,
                             Integer prefixlen, boolean allocationPoolsGiven) {
        public boolean involvesPool() {
            return subnetpoolId != null || useDefault;
        }
    }

    /** The pool the subnet comes from, if any (Neutron's _get_subnetpool_id). */
    public static Optional<SubnetPool> pool(NetworkTx tx, NetworkCaller caller, PoolChoice choice) {
        if (choice.subnetpoolId() != null && choice.useDefault()) {
            throw NeutronErrors.badResourceRequest("subnets", "subnetpool_id and use_default_subnetpool cannot both be "
                    + "specified");
        }
        if (choice.subnetpoolId() != null) {
            return Optional.of(SubnetPoolService.find(tx, caller, choice.subnetpoolId()));
        }
        if (!choice.useDefault()) {
            return Optional.empty();
        }
        Integer version = choice.cidr() != null ? Cidr.tryParse(choice.cidr()).map(Cidr::version).orElse(null)
                : choice.ipVersion();
        if (version == null) {
            throw NeutronErrors.badResourceRequest("subnets", "ip_version must be specified in the absence of cidr and "
                    + "subnetpool_id");
        }
        return Optional.of(tx.subnetPools().defaultPool(version).orElseThrow(() ->
                NeutronErrors.badResourceRequest("subnets", "No default subnetpool found for IPv%d", version)));
    }

    /** The CIDR the subnet gets from {@code pool}, checked against its bounds, quota and allocations. */
    public static Cidr allocate(NetworkTx tx, SubnetPool pool, String project, PoolChoice choice) {
        if (choice.ipVersion() != null && choice.ipVersion() != pool.ipVersion()) {
            throw NeutronErrors.badResourceRequest("subnets", "Cannot allocate IPv%d subnet from IPv%d subnet pool",
                    choice.ipVersion(), pool.ipVersion());
        }
        Cidr requested = choice.cidr() == null ? null : Cidr.tryParse(choice.cidr()).orElseThrow(() ->
                NeutronErrors.invalidAttribute("cidr", "'" + choice.cidr() + "' is not a valid IP subnet"));
        if (requested == null && choice.allocationPoolsGiven()) {
            throw NeutronErrors.badResourceRequest("subnets", "allocation_pools allowed only for specific subnet "
                    + "requests.");
        }
        if (choice.prefixlen() != null && choice.prefixlen() < 0) {
            throw NeutronErrors.invalidAttribute("prefixlen", "'" + choice.prefixlen() + "' should be non-negative");
        }
        int length = requested != null ? requested.prefixLength()
                : choice.prefixlen() != null ? choice.prefixlen() : pool.defaultPrefixlen();
        SubnetPoolRules.requireWithin(new SubnetPoolRules.Bounds(pool.minPrefixlen(), pool.maxPrefixlen(),
                pool.defaultPrefixlen()), length);
        requireQuota(tx, pool, project, length);
        PrefixSpace free = PrefixSpace.of(pool.prefixes().stream().map(Cidr::parse).toList())
                .minus(PrefixSpace.of(tx.subnetPools().allocatedCidrs(pool.id(), null).stream().map(Cidr::parse).toList()));
        if (requested != null) {
            if (!free.covers(requested)) {
                throw allocationError("Cannot allocate requested subnet from the available set of prefixes");
            }
            return requested;
        }
        return free.firstFit(length).orElseThrow(() ->
                allocationError("Insufficient prefix space to allocate subnet size /" + length));
    }

    /** The quota counts /32 (IPv4) or /64 (IPv6) units of the project's subnets from the pool. */
    private static void requireQuota(NetworkTx tx, SubnetPool pool, String project, int length) {
        if (pool.defaultQuota() == null || pool.defaultQuota() == 0) {
            return;
        }
        int unit = pool.ipVersion() == 4 ? 32 : 64;
        BigInteger used = tx.subnetPools().allocatedCidrs(pool.id(), project).stream()
                .map(c -> PrefixSpace.units(Cidr.parse(c), unit)).reduce(BigInteger.ZERO, BigInteger::add);
        BigInteger wanted = BigInteger.ONE.shiftLeft(Math.max(0, unit - length));
        if (used.add(wanted).compareTo(BigInteger.valueOf(pool.defaultQuota())) > 0) {
            throw NeutronErrors.conflict("SubnetPoolQuotaExceeded", "Per-tenant subnet pool prefix quota exceeded.");
        }
    }

    /**
     * Neutron's SubnetAllocationError. Neutron itself answers it with a 500 (it derives from no HTTP fault);
     * an exhausted pool is the caller's conflict with the cloud's state, not a server failure, so 409 here.
     */
    private static RuntimeException allocationError(String reason) {
        return NeutronErrors.conflict("SubnetAllocationError", "Failed to allocate subnet: %s.", reason);
    }
}
