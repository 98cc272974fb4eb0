package dev.kumo.core.compute.server;

import dev.kumo.core.compute.action.history.InstanceActionLog;
import dev.kumo.core.compute.action.history.OpenEvent;
import dev.kumo.core.compute.scheduler.NoValidHost;
import dev.kumo.core.compute.scheduler.Placement;
import dev.kumo.core.compute.scheduler.Scheduler;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import dev.kumo.spi.compute.RebootType;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverException;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out each server's pending task after commit: reads the server, performs the step its task_state
 * names (schedule, plug ports, spawn, power, delete), records the outcome with a conditional update, and
 * repeats until no task is left. One server at a time (a lock per server id), each on a virtual thread; the
 * state is all in the database, so {@link #resumePending()} after a crash picks up where it stopped.
 */
public final class ServerConverger {
    private static final Logger LOG = LoggerFactory.getLogger(ServerConverger.class);

    private final ComputeStore store;
    private final Scheduler scheduler;
    private final VirtDriver driver;
    private final NetworkPlumbing network;
    private final Clock clock;
    private final BootImageFiles images;
    private final ServerSnapshots snapshots;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final InstanceActionLog history;
    private final StepEvents events;

    public ServerConverger(ComputeStore store, Scheduler scheduler, VirtDriver driver, NetworkPlumbing network,
                           Clock clock) {
        this(store, scheduler, driver, network, clock, BootImageFiles.none());
    }

    /** {@code images} tells the driver where each server's image bytes are. */
    public ServerConverger(ComputeStore store, Scheduler scheduler, VirtDriver driver, NetworkPlumbing network,
                           Clock clock, BootImageFiles images) {
        this(store, scheduler, driver, network, clock, images, SnapshotImages.none());
    }

    /** {@code snapshotImages} receives createImage's snapshots. */
    public ServerConverger(ComputeStore store, Scheduler scheduler, VirtDriver driver, NetworkPlumbing network,
                           Clock clock, BootImageFiles images, SnapshotImages snapshotImages) {
        this.snapshots = new ServerSnapshots(store, driver, snapshotImages, clock);
        this.images = Objects.requireNonNull(images, "images");
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.network = Objects.requireNonNull(network, "network");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.history = new InstanceActionLog(store, clock);
        this.events = new StepEvents(history);
    }

    /** Nova's instance actions: recorded where an action is accepted, with an event per step here. */
    public InstanceActionLog history() {
        return history;
    }

    /** Where createImage records which image a server's snapshot goes to. */
    public ServerSnapshots snapshots() {
        return snapshots;
    }

    /** The driver, for work done while holding a server's lock ({@link #exclusive}). */
    VirtDriver driver() {
        return driver;
    }

    /** Runs {@code work} while no task of the server converges (the lock the converger takes per server). */
    <T> T exclusive(String serverId, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(serverId, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
            locks.remove(serverId, lock);
        }
    }

    public void submit(String serverId) {
        Thread.ofVirtual().name("converge-" + serverId).start(() -> converge(serverId));
    }

    /** After a start: every server with a task left pending (e.g. BUILD when the process died) converges. */
    public int resumePending() {
        var pending = store.read(tx -> tx.servers().pending());
        pending.forEach(this::submit);
        return pending.size();
    }

    /**
     * After a start: servers at rest whose guest the hypervisor no longer has (a host reboot, or the fake
     * driver's memory after a restart) are spawned again and put back in their power state, so that the
     * database and the hypervisor agree. Returns how many were repaired.
     */
    public int repairMissingGuests() {
        return repairMissingGuests(true);
    }

    /**
     * As {@link #repairMissingGuests()}; without {@code resume} the guest of an ACTIVE server is created shut
     * down (the caller then marks the server SHUTOFF, see {@link GuestReconciler#reconcileStopped}).
     */
    public int repairMissingGuests(boolean resume) {
        var servers = store.read(tx -> tx.servers().list(new dev.kumo.core.compute.store.ServerQuery(
                null, null, null, null, null, null, null, 0)));
        int repaired = 0;
        for (Server s : servers) {
            if (s.host() == null || s.taskState() != null || s.vmState() == VmState.ERROR
                    || s.vmState() == VmState.BUILDING || driver.info(new InstanceRef(s.id(), s.host())).isPresent()) {
                continue;
            }
            try {
                driver.spawn(SpawnRequests.of(s, images));
                var ref = new InstanceRef(s.id(), s.host());
                switch (s.vmState()) {
                    case STOPPED -> driver.powerOff(ref);
                    case ACTIVE -> {
                        if (!resume) {
                            driver.powerOff(ref);
                        }
                    }
                    case PAUSED -> driver.pause(ref);
                    case SUSPENDED -> driver.suspend(ref);
                    default -> { }
                }
                repaired++;
            } catch (VirtDriverException e) {
                LOG.warn("server {}: its guest is gone and could not be recreated: {}", s.id(), e.getMessage());
            }
        }
        return repaired;
    }

    void converge(String serverId) {
        ReentrantLock lock = locks.computeIfAbsent(serverId, id -> new ReentrantLock());
        lock.lock();
        try {
            for (int steps = 0; steps < 20; steps++) {
                Server server = store.read(tx -> tx.servers().find(serverId)).orElse(null);
                if (server == null || server.taskState() == null) {
                    return;
                }
                step(server);
            }
        } catch (RuntimeException e) {
            LOG.error("converging server {} failed", serverId, e);
        } finally {
            lock.unlock();
            locks.remove(serverId, lock);
        }
    }

    /** One step, recorded as an event of the server's action (Error with the reason if it failed). */
    private void step(Server s) {
        var event = events.begin(s);
        String failure = null;
        try {
            if (perform(s, event)) {
                return; // the step recorded its event in its own transaction
            }
        } catch (VirtDriverException e) {
            failure = e.getMessage();
            onDriverFailure(s, failure);
        } catch (RuntimeException e) {
            LOG.warn("server {}: {} failed", s.id(), s.taskState().wire(), e);
            failure = "Failed " + s.taskState().wire() + ": " + e.getMessage();
            onDriverFailure(s, failure);
        }
        String host = s.host();
        if (s.taskState() == TaskState.SCHEDULING) { // the step chose the host, or failed with the reason as fault
            var after = store.read(tx -> tx.servers().find(s.id()));
            host = after.map(Server::host).orElse(null);
            if (failure == null && after.map(Server::vmState).orElse(null) == VmState.ERROR) {
                failure = after.map(Server::fault).map(Fault::message).orElse("No valid host was found.");
            }
        }
        events.finish(event, failure, host);
    }

    /**
     * Runs the server's step; true if it recorded the step's event itself (the steps of a create, which a burst of
     * creates runs a hundred at a time: one database write fewer each).
     */
    private boolean perform(Server s, OpenEvent event) throws VirtDriverException {
        switch (s.taskState()) {
            case SCHEDULING -> {
                schedule(s, event);
                return true;
            }
            case NETWORKING -> {
                plug(s, event);
                return true;
            }
            case SPAWNING -> {
                spawn(s, event);
                return true;
            }
            case DELETING -> delete(s);
            case IMAGE_SNAPSHOT -> snapshots.run(s);
            case IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING -> abandonUpload(s);
            case REBUILDING, REBUILD_SPAWNING -> rebuild(s);
            case RESIZE_PREP, RESIZE_FINISH -> resize(s);
            case RESIZE_CONFIRMING, RESIZE_REVERTING -> finishResize(s);
            default -> power(s);
        }
        return false;
    }

    private void schedule(Server s, OpenEvent event) {
        store.write(tx -> {
            try {
                Placement p = scheduler.place(tx, s.id(), s.flavor(), s.availabilityZone());
                var placed = s.withHost(p.host(), p.zone(), clock.instant())
                        .withState(VmState.BUILDING, TaskState.NETWORKING, 0, clock.instant());
                boolean updated = tx.servers().updateIfTask(placed, TaskState.SCHEDULING);
                events.finish(tx, event, null, p.host());
                return updated;
            } catch (NoValidHost e) {
                boolean updated = tx.servers().updateIfTask(s.withFault(new Fault(500, e.getMessage(), clock.instant()),
                        clock.instant()), TaskState.SCHEDULING);
                events.finish(tx, event, e.getMessage(), null);
                return updated;
            }
        });
    }

    private void plug(Server s, OpenEvent event) {
        var nics = ServerPorts.plug(network, s);
        store.write(tx -> {
            boolean updated = tx.servers().updateIfTask(s.withNics(nics, clock.instant())
                    .withState(VmState.BUILDING, TaskState.SPAWNING, 0, clock.instant()), TaskState.NETWORKING);
            events.finish(tx, event, null, s.host());
            return updated;
        });
    }

    private void spawn(Server s, OpenEvent event) throws VirtDriverException {
        var info = driver.spawn(SpawnRequests.of(s, images));
        store.write(tx -> {
            boolean updated = tx.servers().updateIfTask(
                    s.withState(VmState.ACTIVE, null, info.powerState().code(), clock.instant()), TaskState.SPAWNING);
            events.finish(tx, event, null, s.host());
            return updated;
        });
    }

    private void delete(Server s) throws VirtDriverException {
        if (s.host() != null) {
            driver.destroy(new InstanceRef(s.id(), s.host()));
        }
        var known = new java.util.ArrayList<>(s.nics());
        for (Nic n : network.portsOf(s)) {
            if (known.stream().noneMatch(k -> k.portId().equals(n.portId()))) {
                known.add(n);
            }
        }
        network.release(s, known);
        store.write(tx -> {
            tx.terminated().record(s, clock.instant()); // os-simple-tenant-usage still counts it
            return tx.servers().delete(s.id());
        });
    }

    /**
     * The guest is replaced by one of the new image with the same NICs; a server rebuilt while stopped is
     * stopped again afterwards (as Nova does), any other ends ACTIVE.
     */
    private void rebuild(Server s) throws VirtDriverException {
        if (s.taskState() == TaskState.REBUILDING) { // the next step, reading the row again, spawns
            store.write(tx -> tx.servers().updateIfTask(
                    s.withState(s.vmState(), TaskState.REBUILD_SPAWNING, s.powerState(), clock.instant()), TaskState.REBUILDING));
            return;
        }
        var ref = new InstanceRef(s.id(), s.host());
        driver.rebuild(SpawnRequests.of(s, images));
        VmState target = s.vmState() == VmState.STOPPED ? VmState.STOPPED : VmState.ACTIVE;
        if (target == VmState.STOPPED) {
            driver.powerOff(ref);
        }
        int power = driver.info(ref).map(i -> i.powerState().code()).orElse(PowerState.NOSTATE.code());
        store.write(tx -> tx.servers().updateIfTask(s.withState(target, null, power, clock.instant()),
                TaskState.REBUILD_SPAWNING));
    }

    /** The guest restarts with the new flavor's sizes (same host, disk grown); the server waits in VERIFY_RESIZE. */
    private void resize(Server s) throws VirtDriverException {
        var ref = new InstanceRef(s.id(), s.host());
        driver.resize(ref, SpawnRequests.flavor(s.flavor()));
        store.write(tx -> tx.servers().updateIfTask(s.withState(VmState.RESIZED, null, power(ref), clock.instant()),
                s.taskState()));
    }

    /** Confirm keeps the new flavor; revert restarts the guest with the old one. Either way the server is at rest. */
    private void finishResize(Server s) throws VirtDriverException {
        var ref = new InstanceRef(s.id(), s.host());
        boolean revert = s.taskState() == TaskState.RESIZE_REVERTING;
        var kept = revert ? s.oldFlavor() : s.flavor();
        if (revert) {
            driver.resize(ref, SpawnRequests.flavor(kept));
        }
        int power = power(ref);
        VmState target = power == PowerState.SHUTDOWN.code() ? VmState.STOPPED : VmState.ACTIVE;
        store.write(tx -> tx.servers().updateIfTask(s.withFlavor(kept, null, clock.instant())
                .withState(target, null, power, clock.instant()), s.taskState()));
    }

    private int power(InstanceRef ref) {
        return driver.info(ref).map(i -> i.powerState().code()).orElse(PowerState.NOSTATE.code());
    }

    /** An upload whose image id died with the previous process: the server goes back to rest. */
    private void abandonUpload(Server s) {
        LOG.warn("server {}: a snapshot upload was in flight when kumo stopped; its image is left queued", s.id());
        store.write(tx -> tx.servers().updateIfTask(s.withState(s.vmState(), null, s.powerState(), clock.instant()),
                s.taskState()));
    }

    private void power(Server s) throws VirtDriverException {
        var ref = new InstanceRef(s.id(), s.host());
        TaskState task = s.taskState();
        VmState target = switch (task) {
            case POWERING_OFF -> call(() -> driver.powerOff(ref), VmState.STOPPED);
            case POWERING_ON -> call(() -> driver.powerOn(ref), VmState.ACTIVE);
            case REBOOTING -> call(() -> driver.reboot(ref, RebootType.SOFT), VmState.ACTIVE);
            case REBOOTING_HARD -> call(() -> driver.reboot(ref, RebootType.HARD), VmState.ACTIVE);
            case PAUSING -> call(() -> driver.pause(ref), VmState.PAUSED);
            case UNPAUSING -> call(() -> driver.unpause(ref), VmState.ACTIVE);
            case SUSPENDING -> call(() -> driver.suspend(ref), VmState.SUSPENDED);
            case RESUMING -> call(() -> driver.resume(ref), VmState.ACTIVE);
            default -> throw new IllegalStateException("no step for task " + task);
        };
        int power = driver.info(ref).map(i -> i.powerState().code()).orElse(PowerState.NOSTATE.code());
        store.write(tx -> tx.servers().updateIfTask(s.withState(target, null, power, clock.instant()), task));
    }

    private interface DriverCall {
        void run() throws VirtDriverException;
    }

    private static VmState call(DriverCall call, VmState target) throws VirtDriverException {
        call.run();
        return target;
    }

    /**
     * A failed build leaves nothing behind (the driver promises it for spawn; the ports are released here) and
     * the server in ERROR with the fault; a failed action leaves the server as it was, without the task.
     */
    private void onDriverFailure(Server s, String message) {
        LOG.warn("server {}: {}", s.id(), message);
        TaskState task = s.taskState();
        if (task == TaskState.SPAWNING || task == TaskState.NETWORKING) {
            try {
                network.release(s, s.nics());
            } catch (RuntimeException e) {
                LOG.warn("server {}: releasing its ports after a failed build failed: {}", s.id(), e.getMessage());
            }
            store.write(tx -> tx.servers().updateIfTask(s.withNics(java.util.List.of(), clock.instant())
                    .withFault(new Fault(500, message, clock.instant()), clock.instant()), task));
        } else if (task == TaskState.DELETING || task == TaskState.REBUILDING || task == TaskState.REBUILD_SPAWNING) {
            // a failed rebuild may have destroyed the old guest already: ERROR with the fault, ports kept
            store.write(tx -> tx.servers().updateIfTask(s.withFault(new Fault(500, message, clock.instant()),
                    clock.instant()), task));
        } else if ((task == TaskState.RESIZE_PREP || task == TaskState.RESIZE_FINISH) && s.oldFlavor() != null) {
            // the driver kept the old sizes: so does the server (and its quota and host claims)
            store.write(tx -> tx.servers().updateIfTask(s.withFlavor(s.oldFlavor(), null, clock.instant())
                    .withState(s.vmState(), null, s.powerState(), clock.instant()), task));
        } else {
            store.write(tx -> tx.servers().updateIfTask(s.withState(s.vmState(), null, s.powerState(), clock.instant()), task));
        }
    }
}
