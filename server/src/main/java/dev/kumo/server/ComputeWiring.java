package dev.kumo.server;

import dev.kumo.api.compute.ComputeApi;
import dev.kumo.api.compute.ComputeServices;
import dev.kumo.api.http.Callers;
import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.compute.ComputeSettings;
import dev.kumo.core.compute.action.ActionService;
import dev.kumo.core.compute.console.RemoteConsoles;
import dev.kumo.core.compute.flavor.FlavorService;
import dev.kumo.core.compute.host.HostInventory;
import dev.kumo.core.compute.host.HostMonitor;
import dev.kumo.core.compute.keypair.KeypairService;
import dev.kumo.core.compute.quota.QuotaService;
import dev.kumo.core.compute.scheduler.Scheduler;
import dev.kumo.core.compute.server.BootImageFiles;
import dev.kumo.core.compute.server.GuestReconciler;
import dev.kumo.core.compute.server.ServerConverger;
import dev.kumo.core.compute.server.ServerService;
import dev.kumo.api.image.ImageServices;
import dev.kumo.spi.compute.DriverStatus;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.store.Database;
import dev.kumo.store.compute.SqlComputeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The compute service put together: store, virt driver, heartbeats, scheduler, converger, services, API. */
final class ComputeWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeWiring.class);

    private final ComputeServices services;
    private final HostMonitor monitor;
    private final ServerConverger converger;
    private final VirtDriver driver;
    private final GuestReconciler guests;

    private ComputeWiring(ComputeServices services, HostMonitor monitor, ServerConverger converger, VirtDriver driver,
                          GuestReconciler guests) {
        this.guests = guests;
        this.services = services;
        this.monitor = monitor;
        this.converger = converger;
        this.driver = driver;
    }

    /** {@code snapshotDir}: where createImage's snapshots wait for their upload. */
    static ComputeWiring create(Database database, VirtDriver driver, NetworkServices network, ImageServices images,
                                BootImageFiles imageFiles, Path snapshotDir, ComputeSettings settings, Clock clock) {
        var store = new SqlComputeStore(database);
        var monitor = new HostMonitor(store, driver, settings, clock);
        var scheduler = new Scheduler(driver, monitor, settings);
        var plumbing = new ComputeNetworkPlumbing(network);
        var converger = new ServerConverger(store, scheduler, driver, plumbing, clock, imageFiles,
                new ComputeSnapshotImages(images, snapshotDir));
        var flavors = new FlavorService(store);
        var quotas = new QuotaService(store);
        var services = new ComputeServices(flavors, new KeypairService(store, quotas, clock),
                new ServerService(store, flavors, quotas, scheduler, new ComputeImageCatalog(images.images()), plumbing, converger, clock),
                new ActionService(store, converger, driver, clock), quotas, new HostInventory(store, driver, monitor),
                new RemoteConsoles(store, driver, clock), images.images());
        flavors.seedDefaults();
        return new ComputeWiring(services, monitor, converger, driver, new GuestReconciler(store, driver, clock));
    }

    /**
     * Heartbeats first (the scheduler needs live hosts), then servers a crash left mid-task converge. ACTIVE
     * servers whose guest is not running are started again ({@code resumeGuests}) or marked SHUTOFF.
     */
    void start(boolean resumeGuests) {
        monitor.start();
        int repaired = converger.repairMissingGuests(resumeGuests);
        if (repaired > 0) {
            LOG.info("compute: {} servers whose guest the hypervisor had lost were spawned again", repaired);
        }
        int reaped = guests.reapStrays();
        int restarted = guests.reconcileStopped(resumeGuests);
        if (reaped + restarted > 0) {
            LOG.info("compute: {} guests of no server destroyed, {} stopped guests of active servers {}", reaped,
                    restarted, resumeGuests ? "started" : "marked SHUTOFF");
        }
        int pending = converger.resumePending();
        if (pending > 0) {
            LOG.info("compute: {} servers had a pending task at start; converging them", pending);
        }
    }

    ComputeServices services() {
        return services;
    }

    ComputeApi api(Callers callers) {
        return new ComputeApi(services, callers);
    }

    List<StatusRoutes.Component> status(String driverName) {
        DriverStatus probe = driver.probe();
        return List.of(new StatusRoutes.Component("compute", "service", true, "Nova v2.1 at /compute/v2.1"),
                new StatusRoutes.Component("compute-driver", "driver", probe.operational(), driverName + ": " + probe.reason()));
    }

    @Override
    public void close() {
        monitor.close();
    }
}
