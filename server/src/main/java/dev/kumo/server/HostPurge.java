package dev.kumo.server;

import dev.kumo.core.network.floatingip.FloatingIpAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.router.RouterAttribute;
import dev.kumo.core.network.securitygroup.SecurityGroupAttribute;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Router;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.server.config.KumoConfig;
import dev.kumo.spi.compute.HostCapabilities;
import dev.kumo.spi.compute.InstanceInfo;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.PortRef;
import dev.kumo.store.Database;
import dev.kumo.store.network.SqlNetworkStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes from the host everything a cloud put there (guests, then floating IPs, routers, ports, networks,
 * security-group filters, and what the drivers find that the database no longer names), before
 * {@code kumo down --purge} deletes its state directory: a purged cloud leaves no process, namespace, link or
 * rule behind. Runs while kumo is stopped. Each step goes on after a failure and reports it.
 */
public final class HostPurge {
    private final List<String> removed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    /** What was removed and what could not be, one line each. */
    public record Report(List<String> removed, List<String> failed) {}

    public static Report run(KumoConfig config) {
        var purge = new HostPurge();
        if (config.emulated()) {
            return new Report(List.of(), List.of());
        }
        Drivers drivers = Drivers.forConfig(config);
        purge.guests(drivers.virt());
        try (Database database = CloudServer.openDatabase(config)) {
            purge.network(drivers.network(), new SqlNetworkStore(database));
        }
        return new Report(List.copyOf(purge.removed), List.copyOf(purge.failed));
    }

    private void guests(VirtDriver virt) {
        for (HostCapabilities host : virt.hosts()) {
            for (InstanceInfo guest : virt.listInstances(host.host())) {
                step("guest " + guest.id(), () -> virt.destroy(new InstanceRef(guest.id(), guest.host())));
            }
        }
    }

    private void network(NetworkDriver driver, SqlNetworkStore store) {
        var floating = store.read(tx -> tx.floatingIps().list(ListQuery.<FloatingIpAttribute>all(), Viewer.ALL));
        var routers = store.read(tx -> tx.routers().list(ListQuery.<RouterAttribute>all(), Viewer.ALL));
        var groups = store.read(tx -> tx.securityGroups().list(ListQuery.<SecurityGroupAttribute>all(), Viewer.ALL));
        List<Port> ports = store.read(tx -> tx.ports().ids().stream()
                .flatMap(id -> tx.ports().find(id, Viewer.ALL).stream()).toList());
        List<String> networks = store.read(tx -> tx.networks().ids());
        for (FloatingIp f : floating) {
            step("floating IP " + f.floatingIpAddress(), () -> driver.deleteFloatingIp(f.id()));
        }
        for (Router r : routers) {
            step("router " + r.id(), () -> driver.deleteRouter(r.id()));
        }
        for (Port p : ports) {
            step("port " + p.id(), () -> driver.deletePort(new PortRef(p.id(), p.networkId())));
        }
        var inventory = driver.inventory();
        for (PortRef p : inventory.ports()) {
            step("port " + p.portId() + " (leftover)", () -> driver.deletePort(p));
        }
        for (String n : networks) {
            step("network " + n, () -> driver.deleteNetwork(n));
        }
        for (String n : inventory.networkIds()) {
            step("network " + n + " (leftover)", () -> driver.deleteNetwork(n));
        }
        for (SecurityGroup g : groups) {
            step("security group " + g.id(), () -> driver.deleteSecurityGroup(g.id()));
        }
        step("the driver's shared host state", driver::purgeHost);
    }

    private void step(String what, Step step) {
        try {
            step.run();
            removed.add(what);
        } catch (Exception e) {
            failed.add(what + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
