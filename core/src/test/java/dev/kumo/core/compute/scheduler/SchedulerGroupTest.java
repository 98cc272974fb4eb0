package dev.kumo.core.compute.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.compute.ComputeSettings;
import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.host.ComputeService;
import dev.kumo.core.compute.host.HostMonitor;
import dev.kumo.core.compute.server.AccessAddresses;
import dev.kumo.core.compute.server.SchedulerHints;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.ServerGroup;
import dev.kumo.core.compute.server.VmState;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.core.compute.store.ServerRepository.Usage;
import dev.kumo.driver.fake.compute.FakeHosts;
import dev.kumo.driver.fake.compute.FakeVirtDriver;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link Scheduler#place} with a server group or host hints, on the fake driver's two hosts (compute-1, compute-2), both up.
 * compute-1 has more free RAM, so without a group it wins; the group's policy must override that.
 */
class SchedulerGroupTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Flavor TINY = new Flavor("1", "m1.tiny", 1, 512, 1, 0, 0, 1.0, true, false, null, Map.of());

    private final FakeVirtDriver driver = new FakeVirtDriver(FakeHosts.of(2, Duration.ZERO));
    private final Map<String, Server> servers = new HashMap<>();
    private ServerGroup group;
    private SchedulerHints hints = SchedulerHints.NONE;

    private Scheduler scheduler() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new Scheduler(driver, new HostMonitor(unusedStore(), driver, ComputeSettings.defaults(), clock),
                ComputeSettings.defaults());
    }

    private void member(String id, String host) {
        servers.put(id, new Server(id, "p", "u", id, null, TINY, "img", null, null, VmState.ACTIVE, null, 1, host,
                "nova", false, Map.of(), List.of(), List.of(), "none", List.of(), null, false, null, null, "r", 0,
                NOW, NOW, NOW, AccessAddresses.NONE, null));
    }

    private void group(String policy, Integer maxPerHost) {
        var members = new java.util.ArrayList<>(servers.keySet());
        members.add("new");
        group = new ServerGroup("g", "p", "u", "g", policy, maxPerHost, NOW, members);
    }

    /** A transaction over two up hosts, the members above, and compute-2 busier than compute-1. */
    private ComputeTx tx() {
        var hosts = List.of(new ComputeService(1, "compute-1", "nova", false, null, NOW, false),
                new ComputeService(2, "compute-2", "nova", false, null, NOW, false));
        Map<String, Usage> usage = Map.of("compute-2", new Usage(1, 1, 4096, 1));
        Object hostRepo = proxy(dev.kumo.core.compute.store.HostRepository.class, (m, a) -> hosts);
        Object serverRepo = proxy(dev.kumo.core.compute.store.ServerRepository.class,
                (m, a) -> m.equals("hostUsage") ? usage : Optional.ofNullable(servers.get((String) a[0])));
        Object groupRepo = proxy(dev.kumo.core.compute.store.ServerGroupRepository.class,
                (m, a) -> Optional.ofNullable(group).filter(g -> g.members().contains((String) a[0])));
        Object hintRepo = proxy(dev.kumo.core.compute.store.SchedulerHintRepository.class, (m, a) -> hints);
        return proxy(ComputeTx.class, (m, a) -> switch (m) {
            case "hosts" -> hostRepo;
            case "servers" -> serverRepo;
            case "serverGroups" -> groupRepo;
            case "hints" -> hintRepo;
            default -> throw new UnsupportedOperationException(m);
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.apply(method.getName(), args));
    }

    private static ComputeStore unusedStore() {
        return new ComputeStore() {
            @Override
            public <T> T read(Function<ComputeTx, T> work) {
                throw new UnsupportedOperationException("read");
            }

            @Override
            public <T> T write(Function<ComputeTx, T> work) {
                throw new UnsupportedOperationException("write");
            }
        };
    }

    private String place() throws NoValidHost {
        return scheduler().place(tx(), "new", TINY, null).host();
    }

    @Test
    void withoutAGroupTheLeastLoadedHostWins() throws Exception {
        assertThat(place()).isEqualTo("compute-1");
    }

    @Test
    void affinityFollowsTheMembersToTheBusierHost() throws Exception {
        member("a", "compute-2");
        group(ServerGroup.AFFINITY, null);
        assertThat(place()).isEqualTo("compute-2");
    }

    @Test
    void antiAffinityAvoidsTheMembersHostAndFailsWhenEveryHostHasOne() throws Exception {
        member("a", "compute-1");
        group(ServerGroup.ANTI_AFFINITY, null);
        assertThat(place()).isEqualTo("compute-2");
        member("b", "compute-2");
        group(ServerGroup.ANTI_AFFINITY, null);
        assertThatThrownBy(this::place).isInstanceOf(NoValidHost.class)
                .hasMessageStartingWith("No valid host was found. There are not enough hosts available.")
                .hasMessageContaining("compute-1: server group g (anti-affinity)")
                .hasMessageContaining("compute-2: server group g (anti-affinity)");
    }

    @Test
    void maxServerPerHostAllowsSecondMembersOnAHost() throws Exception {
        member("a", "compute-1");
        member("b", "compute-2");
        group(ServerGroup.ANTI_AFFINITY, 2);
        assertThat(place()).isEqualTo("compute-1");
    }

    @Test
    void softPoliciesOutweighFreeRam() throws Exception {
        member("a", "compute-2");
        group(ServerGroup.SOFT_AFFINITY, null);
        assertThat(place()).isEqualTo("compute-2");
        servers.clear();
        member("b", "compute-1");
        group(ServerGroup.SOFT_ANTI_AFFINITY, null);
        assertThat(place()).isEqualTo("compute-2");
    }

    @Test
    void sameHostAndDifferentHostFollowAndAvoidTheNamedServers() throws Exception {
        member("a", "compute-2");
        hints = new SchedulerHints(null, List.of("a"), List.of());
        assertThat(place()).isEqualTo("compute-2");
        hints = new SchedulerHints(null, List.of(), List.of("a"));
        member("b", "compute-1");
        assertThat(place()).isEqualTo("compute-1");
        hints = new SchedulerHints(null, List.of(), List.of("a", "b"));
        assertThatThrownBy(this::place).isInstanceOf(NoValidHost.class).hasMessageContaining("different_host");
        hints = new SchedulerHints(null, List.of("no-such-server"), List.of());
        assertThatThrownBy(this::place).as("a same_host hint whose servers run nowhere fits no host")
                .isInstanceOf(NoValidHost.class).hasMessageContaining("same_host");
    }
}
