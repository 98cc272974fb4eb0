package dev.kumo.core.network.datapath;

import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortBinding;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Subnet;
import dev.kumo.spi.network.DataPathInventory;
import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.NetworkState;
import dev.kumo.spi.network.OperationalStatus;
import dev.kumo.spi.network.PortRef;
import dev.kumo.spi.network.PortState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postcommit for the network service: makes the driver carry what the database now says, one object at a
 * time, and records the status the driver reports on the resource.
 *
 * <p>Each sync reads the object's current desired state itself (rather than trusting the caller's copy)
 * under that object's lock, so that of two concurrent changes the later sync always sees the later state,
 * whatever order the requests finish in. A driver failure never fails the API request: it is logged and
 * recorded on the resource (network status ERROR; port status DOWN with vif type {@code binding_failed}),
 * and the next sync or reconciliation tries again.
 */
public final class DataPathSync {
    private static final Logger LOG = LoggerFactory.getLogger(DataPathSync.class);
    /** How long a sync waits for another sync of the same object before leaving it to reconciliation. */
    static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    private final NetworkStore store;
    private final NetworkDriver driver;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(256);

    public DataPathSync(NetworkStore store, NetworkDriver driver, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public NetworkDriver driver() {
        return driver;
    }

    public OperationalStatus probe() {
        try {
            return driver.probe();
        } catch (RuntimeException e) {
            return OperationalStatus.notOperational("the network driver's probe failed: " + e.getMessage());
        }
    }

    /** Ensures the network (with its subnets' DHCP settings), or removes it if it no longer exists. */
    public void syncNetwork(String networkId) {
        serialised(networkId, () -> {
            record Desired(Network network, List<Subnet> subnets) {}
            Optional<Desired> desired = store.read(tx -> tx.networks().find(networkId, Viewer.ALL)
                    .map(n -> new Desired(n, tx.subnets().ofNetwork(networkId))));
            if (desired.isEmpty()) {
                removeNetwork(networkId);
                return;
            }
            ResourceStatus status;
            try {
                NetworkState state = driver.ensureNetwork(DriverSpecs.network(desired.get().network(), desired.get().subnets()));
                status = ResourceStatus.valueOf(state.status().name());
            } catch (RuntimeException e) {
                LOG.warn("network {}: {}", networkId, e.getMessage());
                status = ResourceStatus.ERROR;
            }
            ResourceStatus recorded = status;
            store.write(tx -> tx.networks().updateStatus(networkId, recorded, clock.instant()));
        });
    }

    /** Ensures the port, or removes it if it no longer exists ({@code networkId} says where it was). */
    public void syncPort(String portId, String networkId) {
        serialised(portId, () -> {
            Optional<Port> desired = store.read(tx -> tx.ports().find(portId, Viewer.ALL));
            if (desired.isEmpty()) {
                removePort(new PortRef(portId, networkId));
                return;
            }
            PortState state;
            try {
                state = driver.ensurePort(DriverSpecs.port(desired.get()));
            } catch (RuntimeException e) {
                LOG.warn("port {}: {}", portId, e.getMessage());
                state = new PortState(DataPathStatus.DOWN, PortBinding.BINDING_FAILED, Map.of(),
                        e.getMessage());
            }
            PortState recorded = state;
            store.write(tx -> tx.ports().updateState(portId, ResourceStatus.valueOf(recorded.status().name()),
                    recorded.vifType(), recorded.vifDetails(), clock.instant()));
        });
    }

    public void syncPorts(List<Port> ports) {
        ports.forEach(p -> syncPort(p.id(), p.networkId()));
    }

    private void removeNetwork(String networkId) {
        try {
            driver.deleteNetwork(networkId);
        } catch (RuntimeException e) {
            LOG.warn("network {} (deleted): {}; reconciliation will retry", networkId, e.getMessage());
        }
    }

    private void removePort(PortRef ref) {
        try {
            driver.deletePort(ref);
        } catch (RuntimeException e) {
            LOG.warn("port {} (deleted): {}; reconciliation will retry", ref.portId(), e.getMessage());
        }
    }

    /**
     * Re-ensures every network and port and removes from the data path what the database no longer has.
     * Run at start (the driver's state may be older than the database's) and, later, periodically.
     */
    public ReconcileReport reconcileAll() {
        long started = System.nanoTime();
        DataPathInventory found = driver.inventory();
        List<String> networkIds = store.read(tx -> tx.networks().ids());
        List<String> portIds = store.read(tx -> tx.ports().ids());
        Set<String> wantedPorts = new HashSet<>(portIds);
        Set<String> wantedNetworks = new HashSet<>(networkIds);
        int swept = 0;
        for (PortRef stale : found.ports()) {
            if (!wantedPorts.contains(stale.portId())) {
                removePort(stale);
                swept++;
            }
        }
        for (String stale : found.networkIds()) {
            if (!wantedNetworks.contains(stale)) {
                removeNetwork(stale);
                swept++;
            }
        }
        networkIds.forEach(this::syncNetwork);
        for (String portId : portIds) {
            syncPort(portId, "");
        }
        return new ReconcileReport(networkIds.size(), portIds.size(), swept,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void serialised(String id, Runnable work) {
        if (!locks.withLock(id, LOCK_WAIT, work)) {
            LOG.warn("{}: another data path change kept it busy for {}; reconciliation will converge it", id, LOCK_WAIT);
        }
    }
}
