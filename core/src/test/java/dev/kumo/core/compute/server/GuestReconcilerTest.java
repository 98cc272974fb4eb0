package dev.kumo.core.compute.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.core.compute.store.ServerQuery;
import dev.kumo.core.compute.store.ServerRepository;
import dev.kumo.driver.fake.compute.FakeHosts;
import dev.kumo.driver.fake.compute.FakeVirtDriver;
import dev.kumo.spi.compute.InstanceInfo;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.PowerState;
import dev.kumo.spi.compute.SpawnRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What a restart finds on the hypervisor against what the database says, with the fake driver. */
class GuestReconcilerTest {
    private final FakeVirtDriver driver = new FakeVirtDriver(FakeHosts.of(1, Duration.ZERO));

    private static Server server(String id, VmState state) {
        var flavor = new Flavor("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true, false, null, Map.of());
        return new Server(id, "p", "u", id, null, flavor, "img", null, null, state, null, 1, "compute-1", "nova",
                false, Map.of(), List.of(), List.of(), "none", List.of(), null, false, null, null, "r", 0,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, AccessAddresses.NONE, null);
    }

    /** A store that holds {@code servers} for reading; nothing else is used by the reconciler. */
    private static ComputeStore storeOf(List<Server> servers) {
        ServerRepository repo = (ServerRepository) Proxy.newProxyInstance(ServerRepository.class.getClassLoader(),
                new Class<?>[] {ServerRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("list") && args[0] instanceof ServerQuery) {
                        return servers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        ComputeTx tx = (ComputeTx) Proxy.newProxyInstance(ComputeTx.class.getClassLoader(), new Class<?>[] {ComputeTx.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("servers")) {
                        return repo;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ComputeStore() {
            @Override
            public <T> T read(Function<ComputeTx, T> work) {
                return work.apply(tx);
            }

            @Override
            public <T> T write(Function<ComputeTx, T> work) {
                throw new UnsupportedOperationException("write");
            }
        };
    }

    private void spawn(String id) throws Exception {
        driver.spawn(new SpawnRequest(new InstanceRef(id, "compute-1"), id, new SpawnRequest.FlavorSpec(1, 512, 1, 0, Map.of()),
                new SpawnRequest.ImageSpec("img", "qcow2", null), List.of(), Map.of(), null, null, false));
    }

    private PowerState power(String id) {
        return driver.info(new InstanceRef(id, "compute-1")).map(InstanceInfo::powerState).orElse(PowerState.NOSTATE);
    }

    @Test
    void activeServersWhoseGuestIsShutDownArePoweredOnAndStoppedOnesAreLeftAlone() throws Exception {
        spawn("active");
        spawn("stopped");
        driver.powerOff(new InstanceRef("active", "compute-1"));
        driver.powerOff(new InstanceRef("stopped", "compute-1"));
        var reconciler = new GuestReconciler(storeOf(List.of(server("active", VmState.ACTIVE),
                server("stopped", VmState.STOPPED))), driver);

        assertThat(reconciler.restartStopped()).isEqualTo(1);

        assertThat(power("active")).isEqualTo(PowerState.RUNNING);
        assertThat(power("stopped")).isEqualTo(PowerState.SHUTDOWN);
    }

    @Test
    void guestsOfNoServerAreDestroyedAndGuestsOfServersKept() throws Exception {
        spawn("known");
        spawn("stray");
        var reconciler = new GuestReconciler(storeOf(List.of(server("known", VmState.ACTIVE))), driver);

        assertThat(reconciler.reapStrays()).isEqualTo(1);

        assertThat(driver.listInstances("compute-1")).extracting(InstanceInfo::id).containsExactly("known");
    }
}
