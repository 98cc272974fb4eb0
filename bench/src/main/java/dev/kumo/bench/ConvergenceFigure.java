package dev.kumo.bench;

import dev.kumo.driver.linux.LinuxNetworkDriver;
import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time from "kumo killed" until every floating IP answers again: {@code routers} routers, each with its own tenant
 * network and {@code perRouter} guests behind floating IPs (an httpd in each guest namespace). The desired state
 * is kept here as the database would keep it; "kumo started again" is a new driver given all of it in the order
 * of the service's reconciliation (groups, networks, ports, routers, floating IPs). Twice: with the host as it
 * was (what {@code kill -9} leaves), and with the routers' namespaces and proxies wiped by hand first.
 */
final class ConvergenceFigure {
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final DataPathLab lab;
    private final NetworkSpec external;
    private final SecurityGroupSpec group;
    private final List<NetworkSpec> networks = new ArrayList<>();
    private final List<PortSpec> ports = new ArrayList<>();
    private final List<RouterSpec> routers = new ArrayList<>();
    private final List<FloatingIpSpec> floatingIps = new ArrayList<>();
    private final Map<String, String> answers = new LinkedHashMap<>();

    /**
     * What one round measured: the reconciliation's own time, when the last floating IP answered, and what a
     * watch fetching them all during the reconciliation saw (null when there was none).
     */
    record Round(Duration reconcile, Duration allAnswering, OutageWatch.Seen during) {}

    ConvergenceFigure(DataPathLab lab, NetworkSpec external, int routers, int perRouter) {
        this.lab = lab;
        this.external = external;
        this.group = new SecurityGroupSpec(lab.id + "-cgrp", true, List.of(DataPathSpecs.tcpIn("web", 8080, null),
                DataPathSpecs.allOut("out")));
        for (int r = 0; r < routers; r++) {
            describeRouter(r, perRouter);
        }
    }

    private void describeRouter(int r, int perRouter) {
        String prefix = "10." + (220 + r) + ".0.";
        NetworkSpec network = DataPathSpecs.tenantNetwork(lab.id + "-c" + r + "n-000", prefix + "0/24");
        networks.add(network);
        String routerId = lab.id + "-c" + r + "router";
        RouterLeg inside = new RouterLeg(lab.id + "-c" + r + "i-000", network.networkId(), DataPathSpecs.mac(r, 1),
                List.of(prefix + "1/24"));
        RouterLeg gateway = new RouterLeg(lab.id + "-c" + r + "g-000", external.networkId(), DataPathSpecs.mac(r, 2),
                List.of("198.18.0." + (10 + r) + "/24"));
        routers.add(new RouterSpec(routerId, true, gateway, true, List.of(inside), List.of()));
        for (int f = 0; f < perRouter; f++) {
            String ip = prefix + (10 + f);
            PortSpec port = DataPathSpecs.computePort(lab.id + "-c" + r + "p" + f + "-0", network, DataPathSpecs.mac(r, 16 + f),
                    ip, group.groupId());
            ports.add(port);
            String fip = "198.18.0." + (100 + r * perRouter + f);
            floatingIps.add(new FloatingIpSpec(lab.id + "-c" + r + "f" + f, routerId, external.networkId(), fip,
                    port.portId(), ip));
            answers.put(fip, "guest-" + r + "-" + f);
        }
    }

    int floatingIpCount() {
        return floatingIps.size();
    }

    /** Plugs the guests and plumbs everything once; returns when every floating IP answers. */
    Round plumbFirst() throws IOException, InterruptedException {
        for (int i = 0; i < ports.size(); i++) {
            PortSpec port = ports.get(i);
            String ip = port.addresses().getFirst().ipAddress();
            String ns = lab.guest("c" + i, DeviceNames.tap(port.portId()), port.macAddress(), ip + "/24",
                    ip.substring(0, ip.lastIndexOf('.')) + ".1");
            lab.listener(ns, answers.get(floatingIps.get(i).floatingIpAddress()));
        }
        lab.externalHost("198.18.0.2/24");
        return timed(lab.driver());
    }

    /** kill -9 and start again: the host keeps everything; a new driver is given the whole desired state. */
    Round restart() throws IOException, InterruptedException {
        OutageWatch watch = OutageWatch.start(lab.shell, lab.id + "x", answers);
        Instant killed = Instant.now();
        LinuxNetworkDriver driver = lab.restartDriver();
        Duration reconcile = reconcile(driver);
        OutageWatch.Seen seen = watch.stop();
        Map<String, Instant> answered = FloatingIpProbe.start(lab.id + "x", answers).await(LIMIT);
        return new Round(reconcile, Duration.between(killed, Collections.max(answered.values())), seen);
    }

    /** The routers' namespaces deleted by hand and their proxies killed while kumo was down, then started again. */
    Round wipeRoutersAndRestart() throws IOException, InterruptedException {
        for (RouterSpec router : routers) {
            Path pidfile = lab.state().resolve("network/metadata/" + router.routerId() + "/haproxy.pid");
            lab.shell.run("ip", "netns", "del", DeviceNames.routerNamespace(router.routerId()))
                    .orThrow("wipe the namespace of " + router.routerId());
            if (Files.exists(pidfile)) {
                // the proxy holds the unnamed namespace (and its floating IPs) alive; a wipe by hand ends with it
                ProcessHandle.of(Long.parseLong(Files.readString(pidfile).strip())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        Thread.sleep(300);
        Instant killed = Instant.now();
        FloatingIpProbe probe = FloatingIpProbe.start(lab.id + "x", answers);
        Duration reconcile = reconcile(lab.restartDriver());
        Map<String, Instant> answered = probe.await(LIMIT);
        return new Round(reconcile, Duration.between(killed, Collections.max(answered.values())), null);
    }

    private Round timed(LinuxNetworkDriver driver) throws IOException, InterruptedException {
        Instant started = Instant.now();
        Duration reconcile = reconcile(driver);
        Map<String, Instant> answered = FloatingIpProbe.start(lab.id + "x", answers).await(LIMIT);
        return new Round(reconcile, Duration.between(started, Collections.max(answered.values())), null);
    }

    private Duration reconcile(LinuxNetworkDriver driver) {
        long started = System.nanoTime();
        driver.ensureSecurityGroup(group);
        driver.ensureNetwork(external);
        networks.forEach(driver::ensureNetwork);
        ports.forEach(driver::ensurePort);
        routers.forEach(driver::ensureRouter);
        floatingIps.forEach(driver::ensureFloatingIp);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    void delete() {
        LinuxNetworkDriver driver = lab.driver();
        routers.forEach(r -> driver.deleteRouter(r.routerId()));
        networks.forEach(n -> driver.deleteNetwork(n.networkId()));
        driver.deleteSecurityGroup(group.groupId());
    }
}
