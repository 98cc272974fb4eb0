package dev.kumo.core.network.ipavailability;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import dev.kumo.core.network.query.ValueType;
import dev.kumo.core.network.store.IpAvailabilityRepository.SubnetUsage;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.model.network.AllocationPool;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Network IP availability as Neutron computes it: a subnet's total is the size of its allocation pools (the
 * whole CIDR when it has none), its used count the addresses allocated on it (by any port, router and DHCP
 * ports included, whether inside the pools or not). Only admins may see it (Neutron's default policy): for
 * others a list is empty and a network "could not be found".
 */
public final class IpAvailabilityService {
    private final NetworkStore store;

    public IpAvailabilityService(NetworkStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Filters: {@code network_id}, {@code network_name}, {@code project_id}/{@code tenant_id}, {@code ip_version}. */
    public List<NetworkIpAvailability> list(NetworkCaller caller, Map<String, List<String>> filters) {
        if (!caller.admin()) {
            return List.of();
        }
        Set<String> projects = values(filters, "project_id");
        projects.addAll(values(filters, "tenant_id"));
        Set<Integer> versions = new LinkedHashSet<>();
        values(filters, "ip_version").forEach(v ->
                versions.add(((Long) ValueType.INTEGER.convert("ip_version", v)).intValue()));
        List<SubnetUsage> rows = store.read(tx -> tx.ipAvailability().usage(values(filters, "network_id"),
                values(filters, "network_name"), projects, versions));
        return assemble(rows);
    }

    public NetworkIpAvailability show(NetworkCaller caller, String networkId) {
        if (!caller.admin()) {
            throw NeutronErrors.networkNotFound(networkId);
        }
        List<SubnetUsage> rows = store.read(tx -> tx.ipAvailability().usage(Set.of(networkId), Set.of(), Set.of(), Set.of()));
        if (rows.isEmpty()) {
            throw NeutronErrors.networkNotFound(networkId);
        }
        return assemble(rows).getFirst();
    }

    private static Set<String> values(Map<String, List<String>> filters, String name) {
        Set<String> out = new LinkedHashSet<>();
        filters.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).forEach(out::add);
        return out;
    }

    /** Rows come ordered by network, so each network's subnets are consecutive. */
    private static List<NetworkIpAvailability> assemble(List<SubnetUsage> rows) {
        Map<String, List<SubnetUsage>> byNetwork = new LinkedHashMap<>();
        rows.forEach(r -> byNetwork.computeIfAbsent(r.networkId(), k -> new ArrayList<>()).add(r));
        List<NetworkIpAvailability> out = new ArrayList<>();
        byNetwork.forEach((id, subnetRows) -> {
            List<SubnetIpAvailability> subnets = subnetRows.stream().filter(r -> r.subnetId() != null)
                    .map(r -> new SubnetIpAvailability(r.subnetId(), r.subnetName(), r.cidr(), r.ipVersion(), total(r),
                            r.usedIps())).toList();
            SubnetUsage first = subnetRows.getFirst();
            out.add(new NetworkIpAvailability(id, first.networkName(), first.projectId(),
                    subnets.stream().map(SubnetIpAvailability::totalIps).reduce(BigInteger.ZERO, BigInteger::add),
                    subnets.stream().mapToLong(SubnetIpAvailability::usedIps).sum(), subnets));
        });
        return out;
    }

    private static BigInteger total(SubnetUsage row) {
        if (row.pools().isEmpty()) {
            return Cidr.parse(row.cidr()).size();
        }
        BigInteger total = BigInteger.ZERO;
        for (AllocationPool pool : row.pools()) {
            total = total.add(new IpRange(IpAddress.parse(pool.start()), IpAddress.parse(pool.end())).size());
        }
        return total;
    }
}
