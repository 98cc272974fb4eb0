package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.network.NetworkRequest;
import dev.kumo.core.network.port.PortRequest;
import dev.kumo.core.network.subnet.SubnetRequest;
import dev.kumo.driver.fake.network.DataPathChange;
import dev.kumo.driver.fake.network.FakeNetworkDriver;
import dev.kumo.driver.fake.network.FakeOperation;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.server.NetworkWiring;
import dev.kumo.spi.network.L2Segment;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.NetworkType;
import dev.kumo.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The network services with the fake driver on a real database: postcommit reaches the driver, the status
 * the driver reports ends up on the resource, failures are recorded and reconciled, and no driver call holds
 * a transaction open.
 */
class DataPathStatusTest {
    private static final NetworkCaller ADMIN = new NetworkCaller("admin-user", "admin-project", true);

    private Path dir;
    private Database database;
    private FakeNetworkDriver driver;
    private NetworkWiring network;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("kumo-datapath");
        database = Database.sqlite(dir.resolve("kumo.db"));
        driver = new FakeNetworkDriver();
        network = NetworkWiring.create(database, driver, NetworkSettings.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void close() throws IOException {
        database.close();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private Network createNetwork() {
        return network.services().networks().create(ADMIN, NetworkRequest.named("n"));
    }

    @Test
    void networkIsPlumbedAfterCommitWithItsSegmentMtuAndDhcpSubnets() {
        Network n = createNetwork();
        assertThat(n.status()).isEqualTo(ResourceStatus.ACTIVE);
        network.services().subnets().create(ADMIN, SubnetRequest.of(n.id(), 4, "10.0.0.0/24"));
        var spec = driver.network(n.id()).orElseThrow();
        assertThat(spec.segment().type()).isEqualTo(NetworkType.VXLAN);
        assertThat(spec.segment().segmentationId()).isEqualTo(n.segment().segmentationId());
        assertThat(spec.mtu()).isEqualTo(1450);
        assertThat(spec.subnets()).singleElement().satisfies(s -> {
            assertThat(s.cidr()).isEqualTo("10.0.0.0/24");
            assertThat(s.gatewayIp()).isEqualTo("10.0.0.1");
            assertThat(s.dhcpEnabled()).isTrue();
        });
        assertThat(driver.journal()).extracting(DataPathChange::operation).as("the DHCP port before the subnet's DHCP")
                .containsExactly(FakeOperation.ENSURE_NETWORK, FakeOperation.ENSURE_PORT, FakeOperation.ENSURE_NETWORK);
    }

    @Test
    void driverFailureIsRecordedAsErrorAndReconciliationRepairsIt() {
        driver.injectFailure(FakeOperation.ENSURE_NETWORK, 1, "bridge could not be created");
        Network n = createNetwork();
        assertThat(n.status()).isEqualTo(ResourceStatus.ERROR);
        assertThat(driver.inventory().networkIds()).doesNotContain(n.id());
        network.dataPath().reconcileAll();
        assertThat(network.services().networks().get(ADMIN, n.id()).status()).isEqualTo(ResourceStatus.ACTIVE);
    }

    @Test
    void portStatusFollowsTheDriverAndABindingFailureShowsOnThePort() {
        Network n = createNetwork();
        network.services().subnets().create(ADMIN, SubnetRequest.of(n.id(), 4, "10.0.0.0/24"));
        Port unbound = network.services().ports().create(ADMIN, PortRequest.on(n.id()));
        assertThat(unbound.status()).isEqualTo(ResourceStatus.DOWN);
        assertThat(driver.dhcpHosts(n.id())).singleElement()
                .satisfies(h -> assertThat(h.ipAddresses()).containsExactly(unbound.fixedIps().getFirst().ipAddress()));
        driver.injectFailure(FakeOperation.ENSURE_PORT, 1, "tap device missing");
        Port failed = network.services().ports().update(ADMIN, unbound.id(), bind("compute-1"));
        assertThat(failed.status()).isEqualTo(ResourceStatus.DOWN);
        assertThat(failed.binding().vifType()).isEqualTo("binding_failed");
        Port retried = network.services().ports().update(ADMIN, unbound.id(), bind("compute-1"));
        assertThat(retried.status()).isEqualTo(ResourceStatus.ACTIVE);
        assertThat(retried.binding().vifType()).isEqualTo(FakeNetworkDriver.VIF_TYPE);
        assertThat(retried.binding().vifDetails()).containsKey("bridge_name");
    }

    private static PortRequest bind(String host) {
        return new PortRequest(null, null, null, null, null, null, null, null, null, null, null, null, host, null, null,
                null, null);
    }

    @Test
    void deletesReachTheDriverAndReconciliationSweepsLeftovers() {
        Network n = createNetwork();
        Port p = network.services().ports().create(ADMIN, PortRequest.on(n.id()));
        network.services().ports().delete(ADMIN, p.id());
        assertThat(driver.inventory().hasPort(p.id())).isFalse();
        network.services().networks().delete(ADMIN, n.id());
        assertThat(driver.inventory().networkIds()).doesNotContain(n.id());

        Network kept = createNetwork();
        driver.ensureNetwork(new NetworkSpec("leftover", new L2Segment(NetworkType.LOCAL, null, null), 1500, true, List.of()));
        var report = network.dataPath().reconcileAll();
        assertThat(report.swept()).isEqualTo(1);
        assertThat(driver.inventory().networkIds()).containsExactly(kept.id());
    }

    @Test
    void aRestartedDriverGetsEverythingBackFromTheDatabase() {
        Network n = createNetwork();
        Port p = network.services().ports().create(ADMIN, PortRequest.on(n.id()));
        var fresh = new FakeNetworkDriver();
        var restarted = NetworkWiring.create(database, fresh, NetworkSettings.defaults(), Clock.systemUTC());
        var report = restarted.dataPath().reconcileAll();
        assertThat(report.networks()).isEqualTo(1);
        assertThat(report.ports()).isEqualTo(1);
        assertThat(fresh.network(n.id())).isPresent();
        assertThat(fresh.port(p.id())).isPresent();
    }

    @Test
    void aSlowDriverNeverHoldsTheDatabase() throws Exception {
        Network n = createNetwork();
        driver.injectLatency(Duration.ofMillis(800));
        var slow = CompletableFuture.runAsync(() -> network.services().ports().create(ADMIN, PortRequest.on(n.id())));
        Thread.sleep(200);
        long started = System.nanoTime();
        // a write that needs no driver call: quota update, while the port's postcommit sleeps in the driver
        network.services().quotas().update(ADMIN, "someone", Map.of("network", 5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        slow.get();
        assertThat(took).isLessThan(Duration.ofMillis(500));
    }
}
