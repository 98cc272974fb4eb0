package dev.kumo.driver.fake.compute;

import dev.kumo.spi.compute.InstanceInfo;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import java.util.ArrayList;
import java.util.List;

/** One fake guest: its power state and the console lines a booting CirrOS would have written. */
final class FakeGuest {
    private final InstanceRef ref;
    private int vcpus;
    private long memoryMb;
    private final List<String> console = new ArrayList<>();
    private PowerState power = PowerState.RUNNING;
    private final java.util.Map<String, String> nics = new java.util.LinkedHashMap<>();

    FakeGuest(InstanceRef ref, String name, int vcpus, long memoryMb) {
        this.ref = ref;
        this.vcpus = vcpus;
        this.memoryMb = memoryMb;
        boot(name);
    }

    InstanceRef ref() {
        return ref;
    }

    synchronized InstanceInfo info() {
        return new InstanceInfo(ref.id(), ref.host(), power, vcpus, memoryMb);
    }

    synchronized void power(PowerState state) {
        if (power != state) {
            console.add("[fake] power state " + power + " -> " + state);
            power = state;
        }
    }

    synchronized void reboot() {
        console.add("[fake] reboot");
        power = PowerState.RUNNING;
        boot(ref.id());
    }

    /** A resize: new sizes; a running guest restarts (its console shows a new boot), a stopped one stays off. */
    synchronized void resize(int newVcpus, long newMemoryMb) {
        console.add("[fake] resize to " + newVcpus + " vCPUs, " + newMemoryMb + " MiB");
        vcpus = newVcpus;
        memoryMb = newMemoryMb;
        if (power == PowerState.RUNNING) {
            boot(ref.id());
        }
    }

    synchronized void attach(String portId, String mac) {
        if (nics.putIfAbsent(portId, mac) == null) {
            console.add("[fake] virtio-net " + mac + " plugged (port " + portId + ")");
        }
    }

    synchronized void detach(String portId) {
        if (nics.remove(portId) != null) {
            console.add("[fake] virtio-net unplugged (port " + portId + ")");
        }
    }

    synchronized java.util.Map<String, String> nics() {
        return java.util.Map.copyOf(nics);
    }

    synchronized List<String> console() {
        return List.copyOf(console);
    }

    private void boot(String name) {
        console.add("[    0.000000] Linux version 6.1.0 (fake hypervisor)");
        console.add("=== cirros: current=0.6.2 uptime=1.00 ===");
        console.add(name + " login: ");
    }
}
