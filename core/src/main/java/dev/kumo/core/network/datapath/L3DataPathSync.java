package dev.kumo.core.network.datapath;

import dev.kumo.core.network.floatingip.FloatingIpAttribute;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.router.RouterAttribute;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Router;
import dev.kumo.spi.network.DataPathInventory;
import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.Route;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postcommit for routers and floating IPs, the same way {@link DataPathSync} does it for networks and ports:
 * each sync reads the object's current desired state under its lock, calls the driver, and records the
 * status the driver reported (ERROR when it failed; the next sync retries). A router's ports are synced as
 * ports first (by the services), so their networks are plumbed when the router is.
 */
public final class L3DataPathSync {
    private static final Logger LOG = LoggerFactory.getLogger(L3DataPathSync.class);
    private static final String INTERFACE = "network:router_interface";

    private final NetworkStore store;
    private final NetworkDriver driver;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(64);

    public L3DataPathSync(NetworkStore store, NetworkDriver driver, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Ensures the router, or removes it if it no longer exists. */
    public void syncRouter(String routerId) {
        serialised(routerId, () -> {
            Optional<RouterSpec> desired = store.read(tx -> tx.routers().find(routerId, Viewer.ALL).map(r -> spec(tx, r)));
            if (desired.isEmpty()) {
                attempt("router " + routerId + " (deleted)", () -> driver.deleteRouter(routerId));
                return;
            }
            ResourceStatus status = ensure("router " + routerId, () -> driver.ensureRouter(desired.get()));
            store.write(tx -> tx.routers().updateStatus(routerId, status, clock.instant()));
        });
    }

    /** Sets up the floating IP's NAT while it is associated; removes it otherwise. */
    public void syncFloatingIp(String floatingIpId) {
        serialised(floatingIpId, () -> {
            Optional<FloatingIp> desired = store.read(tx -> tx.floatingIps().find(floatingIpId, Viewer.ALL));
            if (desired.isEmpty() || !desired.get().associated()) {
                attempt("floating IP " + floatingIpId, () -> driver.deleteFloatingIp(floatingIpId));
                return;
            }
            FloatingIp f = desired.get();
            ResourceStatus status = ensure("floating IP " + floatingIpId, () -> driver.ensureFloatingIp(new FloatingIpSpec(
                    f.id(), f.routerId(), f.floatingNetworkId(), f.floatingIpAddress(), f.portId(), f.fixedIpAddress())));
            store.write(tx -> tx.floatingIps().updateStatus(floatingIpId, status, clock.instant()));
        });
    }

    /**
     * Removes from the data path the routers the database no longer has and the floating IPs it no longer has
     * associated: those deleted while kumo was down, or whose delete failed. Run before re-ensuring, so that a
     * leftover's legs go before the bridges of networks swept with it. Returns how many it removed.
     */
    public int sweep() {
        DataPathInventory found = driver.inventory();
        Set<String> routers = store.read(tx -> tx.routers().list(ListQuery.<RouterAttribute>all(), Viewer.ALL)
                .stream().map(Router::id).collect(Collectors.toSet()));
        Set<String> associated = store.read(tx -> tx.floatingIps().list(ListQuery.<FloatingIpAttribute>all(), Viewer.ALL)
                .stream().filter(FloatingIp::associated).map(FloatingIp::id).collect(Collectors.toSet()));
        int swept = 0;
        for (String stale : found.floatingIpIds()) {
            if (!associated.contains(stale)) {
                serialised(stale, () -> attempt("floating IP " + stale + " (swept)", () -> driver.deleteFloatingIp(stale)));
                swept++;
            }
        }
        for (String stale : found.routerIds()) {
            if (!routers.contains(stale)) {
                serialised(stale, () -> attempt("router " + stale + " (swept)", () -> driver.deleteRouter(stale)));
                swept++;
            }
        }
        return swept;
    }

    /** Re-ensures every router, then every associated floating IP (at start and periodically); returns how many. */
    public int reconcileAll() {
        List<String> routers = store.read(tx -> tx.routers().list(ListQuery.<RouterAttribute>all(), Viewer.ALL)
                .stream().map(Router::id).toList());
        routers.forEach(this::syncRouter);
        List<String> floating = store.read(tx -> tx.floatingIps().list(ListQuery.<FloatingIpAttribute>all(), Viewer.ALL)
                .stream().filter(FloatingIp::associated).map(FloatingIp::id).toList());
        floating.forEach(this::syncFloatingIp);
        return routers.size() + floating.size();
    }

    private static RouterSpec spec(NetworkTx tx, Router r) {
        List<Port> own = tx.ports().list(ListQuery.where(PortAttribute.DEVICE_ID, r.id()), Viewer.ALL);
        List<RouterLeg> interfaces = own.stream().filter(p -> p.deviceOwner().equals(INTERFACE)).map(p -> leg(tx, p)).toList();
        RouterLeg gateway = r.gateway() == null ? null : tx.ports().find(r.gateway().portId(), Viewer.ALL)
                .map(p -> leg(tx, p)).orElse(null);
        return new RouterSpec(r.id(), r.adminStateUp(), gateway, r.gateway() != null && r.gateway().enableSnat(),
                interfaces, r.routes().stream().map(h -> new Route(h.destination(), h.nexthop())).toList());
    }

    private static RouterLeg leg(NetworkTx tx, Port p) {
        return new RouterLeg(p.id(), p.networkId(), p.macAddress(), p.fixedIps().stream()
                .map(ip -> ip.ipAddress() + "/" + tx.subnets().find(ip.subnetId(), Viewer.ALL)
                        .map(s -> Cidr.parse(s.cidr()).prefixLength()).orElse(32)).toList());
    }

    private static ResourceStatus ensure(String what, Supplier<DataPathStatus> call) {
        try {
            return ResourceStatus.valueOf(call.get().name());
        } catch (RuntimeException e) {
            LOG.warn("{}: {}", what, e.getMessage());
            return ResourceStatus.ERROR;
        }
    }

    private static void attempt(String what, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: {}; reconciliation will retry", what, e.getMessage());
        }
    }

    private void serialised(String id, Runnable work) {
        if (!locks.withLock(id, DataPathSync.LOCK_WAIT, work)) {
            LOG.warn("{}: another data path change kept it busy; reconciliation will converge it", id);
        }
    }
}
