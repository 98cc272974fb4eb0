package dev.kumo.server;

import dev.kumo.api.http.Callers;
import dev.kumo.api.network.NetworkApi;
import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.datapath.DataPathSync;
import dev.kumo.core.network.datapath.L3DataPathSync;
import dev.kumo.core.network.datapath.SecurityGroupDataPathSync;
import dev.kumo.core.network.floatingip.FloatingIpService;
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
import dev.kumo.core.network.tag.TagService;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.OperationalStatus;
import dev.kumo.store.Database;
import dev.kumo.store.network.SqlNetworkStore;
import java.time.Clock;
import java.util.List;
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

    private NetworkWiring(NetworkServices services, DataPathSync dataPath, NetworkStore store, L3DataPathSync l3,
                          SecurityGroupDataPathSync groups) {
        this.services = services;
        this.dataPath = dataPath;
        this.store = store;
        this.l3 = l3;
        this.groups = groups;
    }

    public static NetworkWiring create(Database database, NetworkDriver driver, NetworkSettings settings, Clock clock) {
        NetworkStore store = new SqlNetworkStore(database);
        var dataPath = new DataPathSync(store, driver, clock);
        var l3 = new L3DataPathSync(store, driver, clock);
        var groups = new SecurityGroupDataPathSync(store, driver);
        var quotas = new QuotaService(store, settings);
        var services = new NetworkServices(settings, new NetworkService(store, settings, quotas, dataPath, clock),
                new SubnetService(store, settings, quotas, dataPath, clock),
                new PortService(store, settings, quotas, dataPath, clock), quotas, new TagService(store, clock),
                new RouterService(store, quotas, dataPath, l3, clock), new RouterInterfaceService(store, dataPath, l3, clock),
                new FloatingIpService(store, quotas, l3, clock), new SecurityGroupService(store, quotas, groups, clock),
                new SecurityGroupRuleService(store, quotas, groups, clock));
        return new NetworkWiring(services, dataPath, store, l3, groups);
    }

    public NetworkServices services() {
        return services;
    }

    public DataPathSync dataPath() {
        return dataPath;
    }

    NetworkApi api(Callers callers) {
        return new NetworkApi(services, callers);
    }

    /**
     * Brings the driver in line with the database after a start (what it has may be older or gone), in the
     * background: with 10,000 ports it takes seconds, and requests meanwhile are safe (syncs of one object are
     * serialised, and each reads the current desired state).
     */
    void reconcileInBackground() {
        Thread.ofVirtual().name("network-reconcile").start(() -> {
            try {
                // a real driver keeps what it was told in memory: groups before the ports that use them,
                // routers after their networks, floating IPs after their routers
                store.read(tx -> tx.securityGroups().list(ListQuery.all(), Viewer.ALL))
                        .forEach(g -> groups.syncSecurityGroup(g.id()));
                ReconcileReport report = dataPath.reconcileAll();
                store.read(tx -> tx.routers().list(ListQuery.all(), Viewer.ALL)).forEach(r -> {
                    l3.syncRouter(r.id());
                    // the router's ports' status follows its legs, plumbed only now
                    dataPath.syncPorts(store.read(tx -> tx.ports().list(
                            ListQuery.where(PortAttribute.DEVICE_ID, r.id()), Viewer.ALL)));
                });
                store.read(tx -> tx.floatingIps().list(ListQuery.all(), Viewer.ALL)).forEach(f -> l3.syncFloatingIp(f.id()));
                LOG.info("network data path reconciled: {} networks and {} ports ensured, {} leftovers swept in {} ms",
                        report.networks(), report.ports(), report.swept(), report.took().toMillis());
            } catch (RuntimeException e) {
                LOG.error("network data path reconciliation failed; the next change of each object retries it", e);
            }
        });
    }

    List<StatusRoutes.Component> status(String driverName) {
        OperationalStatus probe = dataPath.probe();
        return List.of(new StatusRoutes.Component("network", "service", true, "Neutron v2.0 at /network/v2.0"),
                new StatusRoutes.Component("network-driver", "driver", probe.operational(), driverName + ": " + probe.reason()));
    }
}
