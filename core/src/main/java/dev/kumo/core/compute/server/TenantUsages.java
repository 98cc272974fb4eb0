package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ServerQuery;
import dev.kumo.core.compute.store.TerminatedServerRepository.TerminatedServer;
import dev.kumo.core.compute.server.TenantUsage.ServerUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * Nova's os-simple-tenant-usage, computed from the servers that exist and the usage records deleted servers
 * leave behind. A server counts from when it first became ACTIVE (launched) until it was deleted or the
 * period ends; servers that never launched used nothing. Pages (2.40) go over servers, ordered by id.
 */
public final class TenantUsages {
    private final ComputeStore store;
    private final Clock clock;

    public TenantUsages(ComputeStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every project's usage (admins only); {@code limit} 0 means no limit, {@code marker} a server id. */
    public List<TenantUsage> list(ComputeCaller caller, Instant start, Instant end, String marker, int limit) {
        if (!caller.admin()) {
            throw ComputeErrors.policy("os_compute_api:os-simple-tenant-usage:list");
        }
        return usages(null, start, end, marker, limit);
    }

    /** One project's usage (its members or admins), empty when none of its servers ran in the period. */
    public List<TenantUsage> show(ComputeCaller caller, String projectId, Instant start, Instant end, String marker,
                                  int limit) {
        if (!caller.owns(projectId)) {
            throw ComputeErrors.policy("os_compute_api:os-simple-tenant-usage:show");
        }
        return usages(projectId, start, end, marker, limit);
    }

    private List<TenantUsage> usages(String projectId, Instant start, Instant end, String marker, int limit) {
        if (start.isAfter(end)) {
            throw ComputeErrors.badRequest("Invalid start time. The start time cannot occur after the end time.");
        }
        Instant now = clock.instant();
        var rows = new ArrayList<ServerUsage>();
        store.read(tx -> {
            var query = new ServerQuery(projectId, null, null, null, null, null, null, 0);
            tx.servers().list(query).stream().filter(s -> s.launchedAt() != null && !s.launchedAt().isAfter(end))
                    .forEach(s -> rows.add(of(s, start, end, now)));
            tx.terminated().overlapping(projectId, start, end).stream().filter(t -> t.launchedAt() != null)
                    .forEach(t -> rows.add(of(t, start, end)));
            return null;
        });
        rows.sort(Comparator.comparing(ServerUsage::instanceId));
        var page = rows.stream().filter(u -> marker == null || u.instanceId().compareTo(marker) > 0)
                .limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
        var byTenant = new LinkedHashMap<String, List<ServerUsage>>();
        page.forEach(u -> byTenant.computeIfAbsent(u.tenantId(), k -> new ArrayList<>()).add(u));
        return byTenant.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> total(e.getKey(), start, end, e.getValue())).toList();
    }

    private static ServerUsage of(Server s, Instant start, Instant end, Instant now) {
        Sizes f = new Sizes(s);
        return new ServerUsage(s.id(), s.name(), s.projectId(), s.flavor().name(), f.vcpus, f.ramMb, f.diskGb,
                hours(s.launchedAt(), null, start, end), s.launchedAt(), null, s.vmState().wire(),
                Duration.between(s.launchedAt(), now).toSeconds());
    }

    private static ServerUsage of(TerminatedServer t, Instant start, Instant end) {
        return new ServerUsage(t.id(), t.name(), t.projectId(), t.flavorName(), t.vcpus(), t.ramMb(), t.diskGb(),
                hours(t.launchedAt(), t.terminatedAt(), start, end), t.launchedAt(), t.terminatedAt(), "terminated",
                Duration.between(t.launchedAt(), t.terminatedAt()).toSeconds());
    }

    /** Hours of [launched, terminated or end] inside [start, end]. */
    static double hours(Instant launched, Instant terminated, Instant start, Instant end) {
        Instant from = launched.isAfter(start) ? launched : start;
        Instant to = terminated != null && terminated.isBefore(end) ? terminated : end;
        return to.isAfter(from) ? Duration.between(from, to).toMillis() / 3_600_000.0 : 0;
    }

    private static TenantUsage total(String tenant, Instant start, Instant end, List<ServerUsage> servers) {
        double hours = 0;
        double vcpus = 0;
        double ram = 0;
        double disk = 0;
        for (ServerUsage u : servers) {
            hours += u.hours();
            vcpus += u.hours() * u.vcpus();
            ram += u.hours() * u.memoryMb();
            disk += u.hours() * u.localGb();
        }
        return new TenantUsage(tenant, start, end, hours, vcpus, ram, disk, servers);
    }

    /** The sizes a server is billed at: its flavor's vCPUs, RAM and root plus ephemeral disk. */
    private record Sizes(int vcpus, long ramMb, long diskGb) {
        Sizes(Server s) {
            this(s.flavor().vcpus(), s.flavor().ramMb(), (long) s.flavor().diskGb() + s.flavor().ephemeralGb());
        }
    }
}
