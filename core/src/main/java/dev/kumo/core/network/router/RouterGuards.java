package dev.kumo.core.network.router;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Router;
import java.util.Set;
import java.util.stream.Collectors;

/** What must not go while floating IPs route through it, with Neutron's 409s. */
final class RouterGuards {
    private RouterGuards() {}

    /** Refuses clearing or moving the gateway of a router that floating IPs route through. */
    static void gatewayRemovable(NetworkTx tx, Router router) {
        if (!tx.floatingIps().throughRouter(router.id()).isEmpty()) {
            throw NeutronErrors.conflict("RouterExternalGatewayInUseByFloatingIp", "Gateway cannot be updated for "
                    + "router %s, since a gateway to external network %s is required by one or more floating IPs.",
                    router.id(), router.gateway().networkId());
        }
    }

    /** Refuses removing an interface whose subnets hold fixed IPs that floating IPs reach through the router. */
    static void interfaceRemovable(NetworkTx tx, Router router, Port iface) {
        Set<String> subnets = iface.fixedIps().stream().map(FixedIp::subnetId).collect(Collectors.toSet());
        for (FloatingIp fip : tx.floatingIps().throughRouter(router.id())) {
            boolean needed = tx.ports().find(fip.portId(), Viewer.ALL).stream().flatMap(p -> p.fixedIps().stream())
                    .anyMatch(ip -> ip.ipAddress().equals(fip.fixedIpAddress()) && subnets.contains(ip.subnetId()));
            if (needed) {
                throw NeutronErrors.conflict("RouterInterfaceInUseByFloatingIP", "Router interface for subnet %s on "
                        + "router %s cannot be deleted, as it is required by one or more floating IPs.",
                        subnets.iterator().next(), router.id());
            }
        }
    }
}
