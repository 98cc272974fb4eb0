package dev.kumo.core.compute.host;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ServerQuery;
import dev.kumo.core.compute.store.ServerRepository.Usage;
import dev.kumo.spi.compute.HostCapabilities;
import dev.kumo.spi.compute.VirtDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The compute hosts for os-hypervisors, os-services and os-availability-zone. */
public final class HostInventory {
    private final ComputeStore store;
    private final VirtDriver driver;
    private final HostMonitor monitor;

    public HostInventory(ComputeStore store, VirtDriver driver, HostMonitor monitor) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    public List<Hypervisor> hypervisors(ComputeCaller caller) {
        requireAdmin(caller, "os_compute_api:os-hypervisors:list");
        return store.read(tx -> {
            var usage = tx.servers().hostUsage();
            var out = new ArrayList<Hypervisor>();
            for (ComputeService s : tx.hosts().list()) {
                HostCapabilities caps = driver.hosts().stream().filter(h -> h.host().equals(s.host())).findFirst()
                        .orElse(null);
                if (caps != null) {
                    out.add(new Hypervisor(s, caps, usage.getOrDefault(s.host(), Usage.NONE), monitor.isUp(s)));
                }
            }
            return out;
        });
    }

    /** The servers placed on {@code host}, newest first, for os-hypervisors' server lists. */
    public List<Server> serversOn(ComputeCaller caller, String host) {
        requireAdmin(caller, "os_compute_api:os-hypervisors:servers");
        return store.read(tx -> tx.servers().list(new ServerQuery(null, null, null, null, host, null, null, 0)));
    }

    public List<ComputeService> services(ComputeCaller caller) {
        requireAdmin(caller, "os_compute_api:os-services:list");
        return store.read(tx -> tx.hosts().list());
    }

    public boolean isUp(ComputeService service) {
        return monitor.isUp(service);
    }

    public ComputeService setDisabled(ComputeCaller caller, String host, boolean disabled, String reason) {
        requireAdmin(caller, "os_compute_api:os-services:update");
        return store.write(tx -> {
            if (!tx.hosts().setDisabled(host, disabled, disabled ? reason : null)) {
                throw ComputeErrors.notFound("Compute host %s could not be found.", host);
            }
            return tx.hosts().list().stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
        });
    }

    /** os-services force-down: the host counts as down (and gets no servers) until forced up again. */
    public ComputeService setForcedDown(ComputeCaller caller, String host, boolean forcedDown) {
        requireAdmin(caller, "os_compute_api:os-services:update");
        return store.write(tx -> {
            if (!tx.hosts().setForcedDown(host, forcedDown)) {
                throw ComputeErrors.notFound("Compute host %s could not be found.", host);
            }
            return tx.hosts().list().stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
        });
    }

    /** Zones with at least one host, and whether any of its services is up. */
    public List<String> zones() {
        return driver.hosts().stream().map(HostCapabilities::availabilityZone).distinct().sorted().toList();
    }

    private static void requireAdmin(ComputeCaller caller, String action) {
        if (!caller.admin()) {
            throw ComputeErrors.policy(action);
        }
    }
}
