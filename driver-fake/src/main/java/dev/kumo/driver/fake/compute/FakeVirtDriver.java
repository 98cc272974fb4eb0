package dev.kumo.driver.fake.compute;

import dev.kumo.spi.compute.DriverStatus;
import dev.kumo.spi.compute.HostCapabilities;
import dev.kumo.spi.compute.InstanceInfo;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import dev.kumo.spi.compute.RebootType;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@link VirtDriver} that keeps its guests in memory. It follows the contract exactly (idempotent operations,
 * nothing left after a failed spawn, power states as a hypervisor reports them) so that the compute service's
 * tests mean something; latency and failures can be injected.
 */
public final class FakeVirtDriver implements VirtDriver {
    private final FakeHosts settings;
    private final Map<String, FakeGuest> guests = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failNext = new ConcurrentLinkedQueue<>();
    /** Instance id → cause, for guests spawned with {@link FakeHosts#FAIL_SNAPSHOT_KEY}. */
    private final Map<String, String> failSnapshot = new ConcurrentHashMap<>();

    /** qcow2 version 2, 64 KiB clusters, virtual size 0, refcount table at 64 KiB (QEMU's header layout). */
    private static final byte[] EMPTY_QCOW2_HEADER = java.nio.ByteBuffer.allocate(72).putInt(0x514649fb).putInt(2)
            .putLong(0).putInt(0).putInt(16).putLong(0).putInt(0).putInt(0).putLong(0).putLong(0x10000).putInt(1)
            .putInt(0).putLong(0).array();

    public FakeVirtDriver(FakeHosts settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The next spawn fails with {@code cause} (for tests of the ERROR path). */
    public void failNextSpawn(String cause) {
        failNext.add(cause);
    }

    @Override
    public DriverStatus probe() {
        return DriverStatus.ok("fake hypervisor with " + settings.hosts().size() + " hosts");
    }

    @Override
    public List<HostCapabilities> hosts() {
        return settings.hosts();
    }

    @Override
    public InstanceInfo spawn(SpawnRequest request) throws VirtDriverException {
        pause();
        String injected = request.metadata().get(FakeHosts.FAIL_SPAWN_KEY);
        if (injected == null) {
            injected = failNext.poll();
        }
        if (injected != null) {
            throw new VirtDriverException("Failed to spawn instance " + request.instance().id() + ": " + injected);
        }
        if (settings.hosts().stream().noneMatch(h -> h.host().equals(request.instance().host()))) {
            throw new VirtDriverException("Failed to spawn instance " + request.instance().id() + ": no host "
                    + request.instance().host());
        }
        String snapshotFailure = request.metadata().get(FakeHosts.FAIL_SNAPSHOT_KEY);
        if (snapshotFailure != null) {
            failSnapshot.put(request.instance().id(), snapshotFailure);
        }
        var guest = guests.computeIfAbsent(request.instance().id(),
                id -> new FakeGuest(request.instance(), request.name(), request.flavor().vcpus(), request.flavor().memoryMb()));
        request.nics().forEach(n -> guest.attach(n.portId(), n.macAddress()));
        return guest.info();
    }

    @Override
    public void destroy(InstanceRef instance) {
        pause();
        guests.remove(instance.id());
        failSnapshot.remove(instance.id());
    }

    @Override
    public void reboot(InstanceRef instance, RebootType type) throws VirtDriverException {
        guest(instance, "reboot").reboot();
    }

    @Override
    public void powerOff(InstanceRef instance) throws VirtDriverException {
        guest(instance, "power off").power(PowerState.SHUTDOWN);
    }

    @Override
    public void powerOn(InstanceRef instance) throws VirtDriverException {
        guest(instance, "power on").power(PowerState.RUNNING);
    }

    @Override
    public void pause(InstanceRef instance) throws VirtDriverException {
        guest(instance, "pause").power(PowerState.PAUSED);
    }

    @Override
    public void unpause(InstanceRef instance) throws VirtDriverException {
        guest(instance, "unpause").power(PowerState.RUNNING);
    }

    @Override
    public void suspend(InstanceRef instance) throws VirtDriverException {
        guest(instance, "suspend").power(PowerState.SUSPENDED);
    }

    @Override
    public void resume(InstanceRef instance) throws VirtDriverException {
        guest(instance, "resume").power(PowerState.RUNNING);
    }

    /**
     * Writes a qcow2 header of an empty disk (what {@code qemu-img info} recognises as qcow2): the fake has no
     * disk, but the caller's upload path, format check included, is exercised.
     */
    @Override
    public void snapshot(InstanceRef instance, java.nio.file.Path target) throws VirtDriverException {
        guest(instance, "snapshot");
        String failure = failSnapshot.get(instance.id());
        if (failure != null) {
            throw new VirtDriverException("Failed to snapshot instance " + instance.id() + ": " + failure);
        }
        try {
            java.nio.file.Files.write(target, EMPTY_QCOW2_HEADER);
        } catch (java.io.IOException e) {
            throw new VirtDriverException("Failed to snapshot instance " + instance.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void resize(InstanceRef instance, SpawnRequest.FlavorSpec flavor) throws VirtDriverException {
        FakeGuest guest = guest(instance, "resize");
        if (guest.info().powerState() == PowerState.PAUSED || guest.info().powerState() == PowerState.SUSPENDED) {
            throw new VirtDriverException("Failed to resize instance " + instance.id() + ": it is "
                    + guest.info().powerState());
        }
        guest.resize(flavor.vcpus(), flavor.memoryMb());
    }

    @Override
    public void attachInterface(InstanceRef instance, SpawnRequest.NicSpec nic) throws VirtDriverException {
        guest(instance, "attach interface " + nic.portId() + " to").attach(nic.portId(), nic.macAddress());
    }

    @Override
    public void detachInterface(InstanceRef instance, String portId) throws VirtDriverException {
        guest(instance, "detach interface " + portId + " from").detach(portId);
    }

    /** The MACs of the instance's NICs by port id, as the guest would see them (empty for an unknown instance). */
    public Map<String, String> interfaces(String instanceId) {
        FakeGuest g = guests.get(instanceId);
        return g == null ? Map.of() : g.nics();
    }

    @Override
    public String consoleOutput(InstanceRef instance, int maxLines) throws VirtDriverException {
        String log = String.join("\n", guest(instance, "get console output").console()) + "\n";
        if (maxLines <= 0) {
            return log;
        }
        // the last maxLines pieces between newlines, as Nova tails a console log (the final newline counts)
        List<String> pieces = List.of(log.split("\n", -1));
        return String.join("\n", pieces.subList(Math.max(0, pieces.size() - maxLines), pieces.size()));
    }

    @Override
    public Optional<InstanceInfo> info(InstanceRef instance) {
        return Optional.ofNullable(guests.get(instance.id())).map(FakeGuest::info);
    }

    @Override
    public List<InstanceInfo> listInstances(String host) {
        var out = new ArrayList<InstanceInfo>();
        for (FakeGuest g : guests.values()) {
            if (g.ref().host().equals(host)) {
                out.add(g.info());
            }
        }
        return out;
    }

    private FakeGuest guest(InstanceRef instance, String action) throws VirtDriverException {
        pause();
        FakeGuest g = guests.get(instance.id());
        if (g == null) {
            throw new VirtDriverException("Failed to " + action + " instance " + instance.id()
                    + ": the hypervisor has no such instance on " + instance.host());
        }
        return g;
    }

    private void pause() {
        long millis = settings.latency().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
