package dev.kumo.core.network.router;

import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.port.ServicePorts;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortSecurity;
import java.time.Instant;
import java.util.List;

/**
 * The ports a router owns: its interfaces ({@code network:router_interface}) and its gateway
 * ({@code network:router_gateway}), found by their device id as Neutron does. They carry no security
 * groups: filtering belongs to the ports of instances, not to the router's own legs.
 */
final class RouterPorts {
    static final String INTERFACE = "network:router_interface";
    static final String GATEWAY = "network:router_gateway";

    private RouterPorts() {}

    /** The router's interface ports, oldest first. */
    static List<Port> interfaces(NetworkTx tx, String routerId) {
        return tx.ports().list(ListQuery.where(PortAttribute.DEVICE_ID, routerId), Viewer.ALL).stream()
                .filter(p -> p.deviceOwner().equals(INTERFACE))
                .sorted((a, b) -> a.standard().createdAt().compareTo(b.standard().createdAt())).toList();
    }

    /** A new port of the router on the network, with the requested addresses (or automatic ones when null). */
    static Port create(NetworkTx tx, String projectId, String networkId, String routerId, String owner,
                       List<FixedIpRequest> addresses, Instant now) {
        return ServicePorts.create(tx, projectId, networkId, routerId, owner, addresses, now);
    }

    /** An existing port handed to the router: it becomes one of its interfaces. */
    static Port adopt(NetworkTx tx, Port port, String routerId, Instant now) {
        var adopted = new Port(port.id(), port.projectId(), port.networkId(), port.name(), port.macAddress(),
                port.adminStateUp(), port.status(), routerId, INTERFACE, port.fixedIps(),
                new PortSecurity(false, List.of(), List.of()), port.binding(), port.dnsName(),
                port.standard().revised(now));
        tx.ports().update(adopted);
        return adopted;
    }
}
