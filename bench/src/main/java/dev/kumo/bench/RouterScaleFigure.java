package dev.kumo.bench;

import dev.kumo.driver.linux.LinuxNetworkDriver;
import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A router with 10 interfaces (each on its own tenant network) and a gateway, then 100 floating IPs associated one
 * by one, as the service calls the driver; checked by the 100 /32 addresses on the gateway leg.
 */
final class RouterScaleFigure {
    static final int INTERFACES = 10;
    static final int FLOATING_IPS = 100;

    private final DataPathLab lab;
    private final NetworkSpec external;
    private final List<NetworkSpec> networks = new ArrayList<>();
    private final String routerId;

    /** What it measured: the router's plumbing and the floating IPs' (all of them). */
    record Result(Duration router, Duration floatingIps) {}

    RouterScaleFigure(DataPathLab lab, NetworkSpec external) {
        this.lab = lab;
        this.external = external;
        this.routerId = lab.id + "-scale-router";
    }

    Result run() {
        LinuxNetworkDriver driver = lab.driver();
        List<RouterLeg> legs = new ArrayList<>();
        for (int i = 1; i <= INTERFACES; i++) {
            NetworkSpec network = DataPathSpecs.tenantNetwork(lab.id + "-s" + String.format("%02d", i) + "n-00",
                    "10.210." + i + ".0/24");
            networks.add(network);
            driver.ensureNetwork(network);
            legs.add(new RouterLeg(lab.id + "-s" + String.format("%02d", i) + "i-00", network.networkId(),
                    DataPathSpecs.mac(200, i), List.of("10.210." + i + ".1/24")));
        }
        RouterLeg gateway = new RouterLeg(lab.id + "-s00g-000", external.networkId(), DataPathSpecs.mac(200, 0),
                List.of("198.18.0.3/24"));
        long started = System.nanoTime();
        driver.ensureRouter(new RouterSpec(routerId, true, gateway, true, legs, List.of()));
        Duration router = Duration.ofNanos(System.nanoTime() - started);
        started = System.nanoTime();
        for (int i = 0; i < FLOATING_IPS; i++) {
            driver.ensureFloatingIp(new FloatingIpSpec(lab.id + "-sf" + i, routerId, external.networkId(),
                    "198.18.0." + (100 + i), "port-" + i, "10.210." + (1 + i % INTERFACES) + "." + (10 + i / INTERFACES)));
        }
        Duration floatingIps = Duration.ofNanos(System.nanoTime() - started);
        String addresses = lab.shell.run("ip", "-n", DeviceNames.routerNamespace(routerId), "-4", "-o", "addr", "show",
                "dev", DeviceNames.routerGateway(gateway.portId())).output();
        long plumbed = addresses.lines().filter(l -> l.contains("/32")).count();
        if (plumbed != FLOATING_IPS) {
            throw new IllegalStateException("the router's gateway leg carries " + plumbed + " floating IPs, not " + FLOATING_IPS);
        }
        return new Result(router, floatingIps);
    }

    void delete() {
        lab.driver().deleteRouter(routerId);
        networks.forEach(n -> lab.driver().deleteNetwork(n.networkId()));
    }
}
