package dev.kumo.core.compute.server;

import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ServerQuery;
import dev.kumo.spi.compute.HostCapabilities;
import dev.kumo.spi.compute.InstanceInfo;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a start, makes the hypervisor match the database where a restart left them apart (the missing guests
 * are {@link ServerConverger#repairMissingGuests()}'s): servers at rest in ACTIVE whose guest is shut down (a
 * host reboot, or QEMU died while kumo was down) are powered on again, and guests the hypervisor runs for no
 * server (Nova's "running deleted instances") are destroyed and named in the log. With resume off (Nova's
 * {@code resume_guests_state_on_host_boot = False}) such servers are marked SHUTOFF instead.
 */
public final class GuestReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(GuestReconciler.class);

    private final ComputeStore store;
    private final VirtDriver driver;
    private final java.time.Clock clock;

    public GuestReconciler(ComputeStore store, VirtDriver driver) {
        this(store, driver, java.time.Clock.systemUTC());
    }

    public GuestReconciler(ComputeStore store, VirtDriver driver, java.time.Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Powers on ACTIVE servers whose guest is shut down; returns how many. */
    public int restartStopped() {
        return reconcileStopped(true);
    }

    /**
     * ACTIVE servers whose guest is shut down are powered on ({@code resume}) or marked SHUTOFF (not); returns
     * how many were changed either way.
     */
    public int reconcileStopped(boolean resume) {
        int restarted = 0;
        for (Server s : allServers()) {
            if (s.host() == null || s.taskState() != null || s.vmState() != VmState.ACTIVE) {
                continue;
            }
            var ref = new InstanceRef(s.id(), s.host());
            boolean down = driver.info(ref).map(i -> i.powerState() == PowerState.SHUTDOWN).orElse(false);
            if (down && !resume) {
                restarted += markShutOff(s) ? 1 : 0;
            } else if (down) {
                try {
                    driver.powerOn(ref);
                    LOG.info("server {}: its guest was shut down while it should run; started it again", s.id());
                    restarted++;
                } catch (VirtDriverException e) {
                    LOG.warn("server {}: its guest is shut down and could not be started: {}", s.id(), e.getMessage());
                }
            }
        }
        return restarted;
    }

    /** SHUTOFF, if the server is still ACTIVE and at rest (an API call may have come first). */
    private boolean markShutOff(Server s) {
        boolean marked = store.write(tx -> {
            Server now = tx.servers().find(s.id()).orElse(null);
            if (now == null || now.vmState() != VmState.ACTIVE || now.taskState() != null) {
                return false;
            }
            tx.servers().update(now.withState(VmState.STOPPED, null, PowerState.SHUTDOWN.code(), clock.instant()));
            return true;
        });
        if (marked) {
            LOG.info("server {}: its guest was not running at start; marked SHUTOFF (compute.resume_guests_on_start"
                    + " is false)", s.id());
        }
        return marked;
    }

    /** Destroys guests that belong to no server; returns how many. */
    public int reapStrays() {
        Set<String> known = new HashSet<>();
        allServers().forEach(s -> known.add(s.id()));
        int reaped = 0;
        for (HostCapabilities host : driver.hosts()) {
            for (InstanceInfo guest : driver.listInstances(host.host())) {
                if (known.contains(guest.id())) {
                    continue;
                }
                try {
                    driver.destroy(new InstanceRef(guest.id(), host.host()));
                    LOG.warn("host {}: guest {} belonged to no server; destroyed it", host.host(), guest.id());
                    reaped++;
                } catch (VirtDriverException e) {
                    LOG.warn("host {}: guest {} belongs to no server and could not be destroyed: {}", host.host(),
                            guest.id(), e.getMessage());
                }
            }
        }
        return reaped;
    }

    private java.util.List<Server> allServers() {
        return store.read(tx -> tx.servers().list(new ServerQuery(null, null, null, null, null, null, null, 0)));
    }
}
