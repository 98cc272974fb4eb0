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
 * server (Nova's "running deleted instances") are destroyed and named in the log.
 */
public final class GuestReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(GuestReconciler.class);

    private final ComputeStore store;
    private final VirtDriver driver;

    public GuestReconciler(ComputeStore store, VirtDriver driver) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
    }

    /** Powers on ACTIVE servers whose guest is shut down; returns how many. */
    public int restartStopped() {
        int restarted = 0;
        for (Server s : allServers()) {
            if (s.host() == null || s.taskState() != null || s.vmState() != VmState.ACTIVE) {
                continue;
            }
            var ref = new InstanceRef(s.id(), s.host());
            boolean down = driver.info(ref).map(i -> i.powerState() == PowerState.SHUTDOWN).orElse(false);
            if (down) {
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
