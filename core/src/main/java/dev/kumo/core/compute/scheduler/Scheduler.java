package dev.kumo.core.compute.scheduler;

import dev.kumo.core.compute.ComputeSettings;
import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.host.ComputeService;
import dev.kumo.core.compute.host.HostMonitor;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.core.compute.store.ServerRepository.Usage;
import dev.kumo.spi.compute.HostCapabilities;
import dev.kumo.spi.compute.VirtDriver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filter, then weigh: a host qualifies if its compute service is up and enabled, it is in the requested zone,
 * the flavor fits in what is left of its vCPUs, RAM and disk after allocation ratios, and the server's group policy
 * (affinity, anti-affinity) allows it; of those, the soft group policies weigh first, then the one with the most
 * free RAM wins. Runs inside the write transaction that records the placement, so two servers
 * scheduled at once see each other's claims.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final VirtDriver driver;
    private final HostMonitor monitor;
    private final ComputeSettings settings;

    public Scheduler(VirtDriver driver, HostMonitor monitor, ComputeSettings settings) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Placement place(ComputeTx tx, String serverId, Flavor flavor, String zone) throws NoValidHost {
        Map<String, ComputeService> services = tx.hosts().list().stream()
                .collect(Collectors.toMap(ComputeService::host, Function.identity()));
        Map<String, Usage> usage = tx.servers().hostUsage();
        GroupPlacement group = groupOf(tx, serverId);
        HostHints hints = hintsOf(tx, serverId);
        var reasons = new ArrayList<String>();
        var groupReasons = new ArrayList<String>();
        var fitting = new ArrayList<HostCapabilities>();
        for (HostCapabilities host : driver.hosts()) {
            String why = rejection(host, services.get(host.host()), usage.getOrDefault(host.host(), Usage.NONE), flavor, zone);
            if (why == null && (why = requested(group, hints, host.host())) != null) {
                groupReasons.add(host.host() + ": " + why);
            }
            if (why == null) {
                fitting.add(host);
            } else {
                reasons.add(host.host() + ": " + why);
            }
        }
        if (fitting.isEmpty()) {
            LOG.info("no valid host for server {} ({}): {}", serverId, flavor.name(), reasons);
            // the group's policy and the hints are the user's own doing: say so (the rest stays in the log, as Nova)
            throw new NoValidHost("There are not enough hosts available."
                    + (groupReasons.isEmpty() ? "" : " " + String.join("; ", groupReasons)));
        }
        HostCapabilities best = fitting.stream()
                .max(Comparator.<HostCapabilities>comparingInt(h -> group.weight(h.host()))
                        .thenComparingDouble(h -> freeRam(h, usage.getOrDefault(h.host(), Usage.NONE))))
                .orElseThrow();
        return new Placement(best.host(), best.availabilityZone());
    }

    /** Why the server's group or host hints keep it off {@code host}, or null. */
    private static String requested(GroupPlacement group, HostHints hints, String host) {
        String why = group.rejection(host);
        return why != null ? why : hints.rejection(host);
    }

    /** The same_host / different_host hints stored with the server, as the hosts their servers run on. */
    private static HostHints hintsOf(ComputeTx tx, String serverId) {
        var hints = tx.hints().of(serverId);
        if (!hints.hasHostHints()) {
            return HostHints.NONE;
        }
        return new HostHints(!hints.sameHost().isEmpty(), hostsOf(tx, hints.sameHost()), hostsOf(tx, hints.differentHost()));
    }

    private static java.util.Set<String> hostsOf(ComputeTx tx, List<String> serverIds) {
        var hosts = new java.util.HashSet<String>();
        serverIds.forEach(id -> tx.servers().find(id).map(Server::host).ifPresent(hosts::add));
        return hosts;
    }

    /** The server's group with how many of its other members each host runs, or none. */
    private static GroupPlacement groupOf(ComputeTx tx, String serverId) {
        var group = tx.serverGroups().groupOf(serverId);
        if (group.isEmpty()) {
            return GroupPlacement.NONE;
        }
        var onHost = new HashMap<String, Integer>();
        for (String member : group.get().members()) {
            if (!member.equals(serverId)) {
                tx.servers().find(member).map(Server::host).ifPresent(h -> onHost.merge(h, 1, Integer::sum));
            }
        }
        return new GroupPlacement(group.get(), onHost);
    }

    /**
     * Resize stays on the server's host (kumo has no migration): the host must take the new flavor in place of
     * the old one. Runs inside the resize's write transaction, as {@link #place} does.
     */
    public void claimResize(ComputeTx tx, String serverId, String hostName, Flavor from, Flavor to) throws NoValidHost {
        var service = tx.hosts().list().stream().filter(h -> h.host().equals(hostName)).findFirst().orElse(null);
        HostCapabilities host = driver.hosts().stream().filter(h -> h.host().equals(hostName)).findFirst()
                .orElseThrow(() -> new NoValidHost("Host " + hostName + " is gone."));
        Usage used = tx.servers().hostUsage().getOrDefault(hostName, Usage.NONE);
        // the server's own claim is already in the host's usage: count it as the new flavor only
        var without = new Usage(used.instances() - 1, used.vcpus() - from.vcpus(), used.ramMb() - from.ramMb(),
                used.diskGb() - from.diskGb() - from.ephemeralGb());
        String why = rejection(host, service, without, to, null);
        if (why != null) {
            LOG.info("resize of server {} to {} does not fit on {}: {}", serverId, to.name(), hostName, why);
            throw new NoValidHost(hostName + ": " + why);
        }
    }

    /** Why {@code host} cannot take the flavor, or null when it can. */
    private String rejection(HostCapabilities host, ComputeService service, Usage used, Flavor flavor, String zone) {
        if (service == null || !monitor.isUp(service)) {
            return "compute service is down";
        }
        if (service.disabled()) {
            return "compute service is disabled";
        }
        if (zone != null && !zone.equals(host.availabilityZone())) {
            return "not in availability zone " + zone;
        }
        if (used.vcpus() + flavor.vcpus() > host.vcpus() * settings.cpuAllocationRatio()) {
            return "not enough vCPUs";
        }
        if (!RamBudget.fits(host, used, flavor.ramMb(), settings.ramAllocationRatio())) {
            return "not enough RAM";
        }
        if (used.diskGb() + flavor.diskGb() + flavor.ephemeralGb() > host.diskGb() * settings.diskAllocationRatio()) {
            return "not enough disk";
        }
        return null;
    }

    /** The host's RAM times the ratio, less every guest's flavor RAM and per-guest overhead. */
    private double freeRam(HostCapabilities host, Usage used) {
        return RamBudget.free(host, used, settings.ramAllocationRatio());
    }

    /** Names of the zones that have at least one host. */
    public List<String> zones() {
        return driver.hosts().stream().map(HostCapabilities::availabilityZone).distinct().sorted().toList();
    }
}
