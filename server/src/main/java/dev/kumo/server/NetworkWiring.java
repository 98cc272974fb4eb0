package dev.kumo.server;

import dev.kumo.api.http.Callers;
import dev.kumo.api.network.NetworkApi;
import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.agent.AgentHost;
import dev.kumo.core.network.agent.AgentService;
import dev.kumo.core.network.datapath.DataPathSync;
import dev.kumo.core.network.datapath.L3DataPathSync;
import dev.kumo.core.network.datapath.SecurityGroupDataPathSync;
import dev.kumo.core.network.dhcp.DhcpPorts;
import dev.kumo.core.network.floatingip.FloatingIpService;
import dev.kumo.core.network.floatingip.PortForwardingService;
import dev.kumo.core.network.ipavailability.IpAvailabilityService;
import dev.kumo.core.network.datapath.ReconcileReport;
import dev.kumo.core.network.network.NetworkService;
import dev.kumo.core.network.port.PortService;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.router.RouterInterfaceService;
import dev.kumo.core.network.router.RouterService;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleService;
import dev.kumo.core.network.securitygroup.SecurityGroupService;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.subnet.SubnetService;
import dev.kumo.core.network.subnetpool.SubnetPoolService;
import dev.kumo.core.network.tag.TagService;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.OperationalStatus;
import dev.kumo.store.Database;
import dev.kumo.store.network.SqlNetworkStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The network service put together: its store on the shared database, the driver, the services, the API. */
public final class NetworkWiring {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkWiring.class);

    private final NetworkServices services;
    private final DataPathSync dataPath;
    private final NetworkStore store;
    private final L3DataPathSync l3;
    private final SecurityGroupDataPathSync groups;
    private final DhcpPorts dhcpPorts;
    private final Clock clock;
    private final AtomicBoolean dhcpPortsConverged = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("network-reconcile").daemon().factory());

    private NetworkWiring(NetworkServices services, DataPathSync dataPath, NetworkStore store, L3DataPathSync l3,
                          SecurityGroupDataPathSync groups, DhcpPorts dhcpPorts, Clock clock) {
        this.services = services;
        this.dataPath = dataPath;
        this.store = store;
        this.l3 = l3;
        this.groups = groups;
        this.dhcpPorts = dhcpPorts;
        this.clock = clock;
    }

    public static NetworkWiring create(Database database, NetworkDriver driver, NetworkSettings settings, Clock clock) {
        return create(database, driver, settings, clock, Map.of());
    }

    /** {@code bridgeMappings}: the answer file's physical networks and bridges, which the bridge agent reports. */
    public static NetworkWiring create(Database database, NetworkDriver driver, NetworkSettings settings, Clock clock,
                                       Map<String, String> bridgeMappings) {
        return create(database, driver, settings, clock, AgentHost.local(bridgeMappings));
    }

    /** {@code host}: whose agents the agents API shows; they are registered here, once per start. */
    public static NetworkWiring create(Database database, NetworkDriver driver, NetworkSettings settings, Clock clock,
                                       AgentHost host) {
        NetworkStore store = new SqlNetworkStore(database);
        var dataPath = new DataPathSync(store, driver, clock);
        var l3 = new L3DataPathSync(store, driver, clock);
        var groups = new SecurityGroupDataPathSync(store, driver);
        var quotas = new QuotaService(store, settings);
        var dhcpPorts = new DhcpPorts(host.name());
        var services = new NetworkServices(settings, new NetworkService(store, settings, quotas, dataPath, clock),
                new SubnetService(store, settings, quotas, dataPath, dhcpPorts, clock),
                new SubnetPoolService(store, clock),
                new PortService(store, settings, quotas, dataPath, clock), quotas, new TagService(store, clock),
                new RouterService(store, quotas, dataPath, l3, clock), new RouterInterfaceService(store, dataPath, l3, clock),
                new FloatingIpService(store, quotas, l3, clock), new PortForwardingService(store, clock),
                new SecurityGroupService(store, quotas, groups, clock),
                new SecurityGroupRuleService(store, quotas, groups, clock),
                new AgentService(store, host, settings, dataPath::probe, clock), new IpAvailabilityService(store));
        services.agents().register();
        return new NetworkWiring(services, dataPath, store, l3, groups, dhcpPorts, clock);
    }

    public NetworkServices services() {
        return services;
    }

    /** The routers' and floating IPs' data path (reconciliation and sweep). */
    public L3DataPathSync l3() {
        return l3;
    }

    public DataPathSync dataPath() {
        return dataPath;
    }

    NetworkApi api(Callers callers) {
        return new NetworkApi(services, callers);
    }

    /**
     * Brings the driver in line with the database after a start (what it has may be older or gone), in the
     * background, and again every {@code period} (a link deleted by hand comes back within it): with 10,000 ports
     * it takes seconds, and requests meanwhile are safe (syncs of one object are serialised, and each reads the
     * current desired state).
     * Security groups come first (port filters refer to them), routers after the networks their legs plug into.
     */
    void reconcileInBackground(Duration period) {
        timer.scheduleWithFixedDelay(this::reconcileOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reconcileOnce() {
        try {
            long started = System.nanoTime();
            if (!dhcpPortsConverged.getAndSet(true)) {
                // once per start: networks of a database from before DHCP ports, or a change a crash cut short
                int made = dhcpPorts.convergeAll(store, clock.instant()).size();
                LOG.info("DHCP ports: {} created, readdressed or deleted", made);
            }
            // a real driver keeps what it was told in memory: groups before the ports that use them, routers
            // after their networks, floating IPs after their routers
            int groupCount = groups.reconcileAll();
            int routersSwept = l3.sweep();
            ReconcileReport report = dataPath.reconcileAll();
            int l3Count = l3.reconcileAll();
            // the router ports' status follows their legs, plumbed only now
            store.read(tx -> tx.routers().list(ListQuery.all(), Viewer.ALL)).forEach(r -> dataPath.syncPorts(
                    store.read(tx -> tx.ports().list(ListQuery.where(PortAttribute.DEVICE_ID, r.id()), Viewer.ALL))));
            LOG.info("network data path reconciled: {} security groups, {} networks, {} ports, {} routers and floating "
                    + "IPs ensured, {} leftovers swept in {} ms", groupCount, report.networks(), report.ports(), l3Count,
                    report.swept() + routersSwept, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("network data path reconciliation failed; the next round and each object's next change retry it", e);
        }
    }

    /** Stops the periodic reconciliation; what is plumbed stays (guests keep their network while kumo is down). */
    void close() {
        timer.shutdownNow();
    }

    List<StatusRoutes.Component> status(String driverName) {
        OperationalStatus probe = dataPath.probe();
        return List.of(new StatusRoutes.Component("network", "service", true, "Neutron v2.0 at /network/v2.0"),
                new StatusRoutes.Component("network-driver", "driver", probe.operational(), driverName + ": " + probe.reason()));
    }
}
