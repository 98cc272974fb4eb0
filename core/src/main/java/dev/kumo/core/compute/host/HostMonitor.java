package dev.kumo.core.compute.host;

import dev.kumo.core.compute.ComputeSettings;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.spi.compute.HostCapabilities;
import dev.kumo.spi.compute.VirtDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats for the hosts this process drives: every interval it records that each host is alive. A host
 * whose heartbeat is older than {@link ComputeSettings#serviceDownAfter()} is down and gets no new servers.
 */
public final class HostMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HostMonitor.class);

    private final ComputeStore store;
    private final VirtDriver driver;
    private final ComputeSettings settings;
    private final Clock clock;
    private volatile Thread thread;

    public HostMonitor(ComputeStore store, VirtDriver driver, ComputeSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void beat() {
        Instant now = clock.instant();
        List<HostCapabilities> hosts = driver.hosts();
        store.write(tx -> {
            hosts.forEach(h -> tx.hosts().heartbeat(h.host(), h.availabilityZone(), now));
            return null;
        });
    }

    public void start() {
        beat();
        thread = Thread.ofVirtual().name("compute-heartbeat").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(settings.heartbeatInterval());
                    beat();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("compute heartbeat failed; retrying in {}: {}", settings.heartbeatInterval(), e.getMessage());
                }
            }
        });
    }

    public boolean isUp(ComputeService service) {
        return !service.forcedDown() && service.lastSeen() != null
                && Duration.between(service.lastSeen(), clock.instant()).compareTo(settings.serviceDownAfter()) <= 0;
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
