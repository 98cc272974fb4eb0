package dev.kumo.core.network.floatingip;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Router;
import java.util.List;
import java.util.Optional;

/**
 * Where an association goes: one IPv4 fixed address of the port, and the router that connects that
 * address's subnet to the floating IP's external network (Neutron's {@code router_id}).
 */
record FloatingIpAssociation(String portId, String fixedIpAddress, String routerId) {
    private static final String INTERFACE = "network:router_interface";

    static FloatingIpAssociation resolve(NetworkTx tx, FloatingIp fip, Port port, String requestedFixedIp) {
        FixedIp fixed = fixedIp(port, requestedFixedIp);
        String router = routerTo(tx, fip.floatingNetworkId(), fixed.subnetId(), port.id());
        tx.floatingIps().associatedWith(port.id(), fixed.ipAddress(), fip.floatingNetworkId())
                .filter(other -> !other.id().equals(fip.id())).ifPresent(other -> {
                    throw NeutronErrors.conflict("FloatingIPPortAlreadyAssociated", "Cannot associate floating IP "
                            + "%s (%s) with port %s using fixed IP %s, as that fixed IP already has a floating IP on "
                            + "external network %s.", fip.floatingIpAddress(), fip.id(), port.id(), fixed.ipAddress(),
                            fip.floatingNetworkId());
                });
        return new FloatingIpAssociation(port.id(), fixed.ipAddress(), router);
    }

    private static FixedIp fixedIp(Port port, String requested) {
        List<FixedIp> v4 = port.fixedIps().stream()
                .filter(ip -> IpAddress.tryParse(ip.ipAddress()).map(a -> a.version() == 4).orElse(false)).toList();
        if (requested != null) {
            return port.fixedIps().stream().filter(ip -> ip.ipAddress().equals(requested)).findFirst()
                    .orElseThrow(() -> NeutronErrors.badResourceRequest("floatingip", "Port %s does not have fixed ip "
                            + "%s", port.id(), requested));
        }
        if (v4.isEmpty()) {
            throw NeutronErrors.badResourceRequest("floatingip", "No IPv4 address found on port %s", port.id());
        }
        if (v4.size() > 1) {
            throw NeutronErrors.badResourceRequest("floatingip", "Port %s has multiple fixed IPv4 addresses.  Must "
                    + "provide a specific IPv4 address when assigning a floating IP", port.id());
        }
        return v4.getFirst();
    }

    /** The router with an interface on the subnet and its gateway on the network, as Neutron picks it. */
    static String routerTo(NetworkTx tx, String networkId, String subnetId, String portId) {
        return tx.ports().onSubnet(subnetId).stream().filter(p -> p.deviceOwner().equals(INTERFACE))
                .map(p -> tx.routers().find(p.deviceId(), Viewer.ALL)).flatMap(Optional::stream)
                .filter(r -> r.gateway() != null && r.gateway().networkId().equals(networkId))
                .map(Router::id).sorted().findFirst()
                .orElseThrow(() -> NeutronErrors.notFound("ExternalGatewayForFloatingIPNotFound", "External network %s "
                        + "is not reachable from subnet %s.  Therefore, cannot associate Port %s with a Floating IP.",
                        networkId, subnetId, portId));
    }
}
