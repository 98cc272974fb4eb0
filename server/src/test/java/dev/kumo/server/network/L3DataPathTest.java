package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.floatingip.FloatingIpRequest;
import dev.kumo.core.network.network.NetworkRequest;
import dev.kumo.core.network.port.PortRequest;
import dev.kumo.core.network.router.GatewayRequest;
import dev.kumo.core.network.router.InterfaceRequest;
import dev.kumo.core.network.router.RouterRequest;
import dev.kumo.core.network.subnet.SubnetRequest;
import dev.kumo.driver.fake.network.FakeNetworkDriver;
import dev.kumo.driver.fake.network.FakeOperation;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Router;
import dev.kumo.server.NetworkWiring;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.RouterSpec;
import dev.kumo.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routers and floating IPs with the fake driver: after commit the driver gets the router's legs, SNAT and
 * routes and the floating IP's NAT, and the status it reports (or ERROR when it fails) ends up on the resource.
 */
class L3DataPathTest {
    private static final NetworkCaller ADMIN = new NetworkCaller("admin-user", "admin-project", true);

    private Path dir;
    private Database database;
    private FakeNetworkDriver driver;
    private NetworkWiring network;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("kumo-l3");
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

    private String externalNetwork() {
        var request = new NetworkRequest("public", null, null, null, null, true, null, null, null, null, null, null,
                null, null);
        String id = network.services().networks().create(ADMIN, request).id();
        network.services().subnets().create(ADMIN, SubnetRequest.of(id, 4, "172.24.4.0/24"));
        return id;
    }

    private Router routerWithInterface(String external, String subnet) {
        var router = network.services().routers().create(ADMIN, new RouterRequest("r1", null, null, null, true,
                new GatewayRequest(external, null, null), null, null, null, null));
        network.services().routerInterfaces().add(ADMIN, router.id(), new InterfaceRequest(subnet, null));
        return network.services().routers().get(ADMIN, router.id());
    }

    @Test
    void routerLegsSnatAndFloatingIpNatReachTheDriverAfterCommit() {
        String external = externalNetwork();
        String internal = network.services().networks().create(ADMIN, NetworkRequest.named("private")).id();
        String subnet = network.services().subnets().create(ADMIN, SubnetRequest.of(internal, 4, "10.0.0.0/24")).id();
        Router router = routerWithInterface(external, subnet);
        assertThat(router.status()).isEqualTo(ResourceStatus.ACTIVE);
        var spec = driver.router(router.id()).orElseThrow();
        assertThat(spec.enableSnat()).isTrue();
        assertThat(spec.gateway().networkId()).isEqualTo(external);
        assertThat(spec.interfaces()).singleElement().satisfies(leg -> assertThat(leg.addresses()).containsExactly("10.0.0.1/24"));
        String port = network.services().ports().create(ADMIN, PortRequest.on(internal)).id();
        FloatingIp fip = network.services().floatingIps().create(ADMIN, new FloatingIpRequest(external, null, null, null,
                true, port, null, null, List.of()));
        assertThat(fip.status()).isEqualTo(ResourceStatus.ACTIVE);
        assertThat(driver.floatingIp(fip.id()).orElseThrow().routerId()).isEqualTo(router.id());
        network.services().floatingIps().delete(ADMIN, fip.id());
        assertThat(driver.floatingIp(fip.id())).isEmpty();
        network.services().routerInterfaces().remove(ADMIN, router.id(), new InterfaceRequest(subnet, null));
        network.services().routers().delete(ADMIN, router.id());
        assertThat(driver.router(router.id())).isEmpty();
    }

    @Test
    void aDriverFailureShowsAsErrorAndTheNextChangeRetries() {
        String external = externalNetwork();
        String internal = network.services().networks().create(ADMIN, NetworkRequest.named("private")).id();
        String subnet = network.services().subnets().create(ADMIN, SubnetRequest.of(internal, 4, "10.0.0.0/24")).id();
        driver.injectFailure(FakeOperation.ENSURE_ROUTER, 1, "namespace could not be created");
        var router = network.services().routers().create(ADMIN, new RouterRequest("r1", null, null, null, true,
                new GatewayRequest(external, null, null), null, null, null, null));
        assertThat(router.status()).isEqualTo(ResourceStatus.ERROR);
        network.services().routerInterfaces().add(ADMIN, router.id(), new InterfaceRequest(subnet, null));
        assertThat(network.services().routers().get(ADMIN, router.id()).status()).isEqualTo(ResourceStatus.ACTIVE);
    }

    @Test
    void routersAndFloatingIpsTheDatabaseNoLongerHasAreSwept() {
        String external = externalNetwork();
        String internal = network.services().networks().create(ADMIN, NetworkRequest.named("private")).id();
        String subnet = network.services().subnets().create(ADMIN, SubnetRequest.of(internal, 4, "10.0.0.0/24")).id();
        Router kept = routerWithInterface(external, subnet);
        String port = network.services().ports().create(ADMIN, PortRequest.on(internal)).id();
        FloatingIp keptFip = network.services().floatingIps().create(ADMIN, new FloatingIpRequest(external, null, null,
                null, true, port, null, null, List.of()));
        // left on the host by a run of kumo whose database no longer has them (deleted while it was down)
        var spec = driver.router(kept.id()).orElseThrow();
        driver.ensureRouter(new RouterSpec("gone-router", true, spec.gateway(), true, List.of(), List.of()));
        driver.ensureFloatingIp(new FloatingIpSpec("gone-fip", "gone-router", external, "172.24.4.99", "p", "10.0.0.9"));
        driver.ensureFloatingIp(new FloatingIpSpec("stale-fip", kept.id(), external, "172.24.4.98", "p", "10.0.0.8"));

        assertThat(network.l3().sweep()).isEqualTo(3);
        assertThat(driver.inventory().routerIds()).containsExactly(kept.id());
        assertThat(driver.inventory().floatingIpIds()).containsExactly(keptFip.id());
        assertThat(network.l3().sweep()).as("nothing left to sweep").isZero();
    }
}
