package dev.kumo.core.network.router;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.datapath.DataPathSync;
import dev.kumo.core.network.datapath.L3DataPathSync;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Router;
import dev.kumo.model.network.Subnet;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * {@code add_router_interface} and {@code remove_router_interface}. An interface on a subnet is a new port
 * of the router holding the subnet's gateway address; an interface by port adopts an unused port.
 */
public final class RouterInterfaceService {
    private final NetworkStore store;
    private final DataPathSync dataPath;
    private final L3DataPathSync l3;
    private final Clock clock;

    public RouterInterfaceService(NetworkStore store, DataPathSync dataPath, L3DataPathSync l3, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.l3 = Objects.requireNonNull(l3, "l3");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RouterInterface add(NetworkCaller caller, String routerId, InterfaceRequest in) {
        if ((in.subnetId() == null) == (in.portId() == null)) {
            throw NeutronErrors.badResourceRequest("router", "Either subnet_id or port_id must be specified");
        }
        Port port = store.write(tx -> {
            Router router = RouterService.find(tx, caller, routerId);
            NetworkPolicy.requireOwner(caller, router.projectId(), "add_router_interface");
            List<Port> interfaces = RouterPorts.interfaces(tx, routerId);
            return in.portId() != null ? byPort(tx, caller, router, interfaces, in.portId())
                    : bySubnet(tx, caller, router, interfaces, in.subnetId());
        });
        dataPath.syncPorts(List.of(port));
        l3.syncRouter(routerId);
        dataPath.syncPorts(List.of(port)); // again: its status follows the router's leg, plumbed just now
        return describe(port, routerId, in.subnetId());
    }

    public RouterInterface remove(NetworkCaller caller, String routerId, InterfaceRequest in) {
        if (in.subnetId() == null && in.portId() == null) {
            throw NeutronErrors.badResourceRequest("router", "Either subnet_id or port_id must be specified");
        }
        Port port = store.write(tx -> {
            Router router = RouterService.find(tx, caller, routerId);
            NetworkPolicy.requireOwner(caller, router.projectId(), "remove_router_interface");
            Port found = interfaceToRemove(tx, routerId, in);
            RouterGuards.interfaceRemovable(tx, router, found);
            List<Cidr> left = RouterService.attachedCidrs(tx, routerId, found.id());
            if (router.routes().stream().anyMatch(r -> IpAddress.tryParse(r.nexthop())
                    .filter(hop -> left.stream().noneMatch(c -> c.contains(hop))).isPresent())) {
                throw NeutronErrors.conflict("RouterInterfaceInUseByRoute", "Router interface for subnet %s on router "
                        + "%s cannot be deleted, as it is required by one or more routes.",
                        found.fixedIps().isEmpty() ? "" : found.fixedIps().getFirst().subnetId(), routerId);
            }
            tx.ports().delete(found.id());
            return found;
        });
        l3.syncRouter(routerId);
        dataPath.syncPort(port.id(), port.networkId());
        return describe(port, routerId, in.subnetId());
    }

    private Port bySubnet(NetworkTx tx, NetworkCaller caller, Router router, List<Port> interfaces, String subnetId) {
        Subnet subnet = tx.subnets().find(subnetId, caller.viewer())
                .orElseThrow(() -> NeutronErrors.subnetNotFound(subnetId));
        var gateway = RouterChecks.usableGateway(subnet);
        RouterChecks.fitsRouter(tx, interfaces, subnet);
        return RouterPorts.create(tx, router.projectId(), subnet.networkId(), router.id(), RouterPorts.INTERFACE,
                List.of(new FixedIpRequest(subnet.id(), gateway.toString())), clock.instant());
    }

    private Port byPort(NetworkTx tx, NetworkCaller caller, Router router, List<Port> interfaces, String portId) {
        Port port = tx.ports().find(portId, caller.viewer())
                .orElseThrow(() -> NeutronErrors.portNotFound(portId));
        if (!port.deviceId().isEmpty()) {
            throw NeutronErrors.conflict("PortInUse", "Unable to complete operation on port %s for network %s. Port "
                    + "already has an attached device %s.", port.id(), port.networkId(), port.deviceId());
        }
        if (port.fixedIps().isEmpty()) {
            throw NeutronErrors.badResourceRequest("router", "Router port must have at least one fixed IP");
        }
        for (FixedIp ip : port.fixedIps()) {
            Subnet subnet = tx.subnets().find(ip.subnetId(), Viewer.ALL).orElseThrow();
            RouterChecks.fitsRouter(tx, interfaces, subnet);
        }
        return RouterPorts.adopt(tx, port, router.id(), clock.instant());
    }

    private static Port interfaceToRemove(NetworkTx tx, String routerId, InterfaceRequest in) {
        List<Port> interfaces = RouterPorts.interfaces(tx, routerId);
        if (in.portId() != null) {
            Port port = interfaces.stream().filter(p -> p.id().equals(in.portId())).findFirst()
                    .orElseThrow(() -> NeutronErrors.notFound("RouterInterfaceNotFound",
                            "Router %s does not have an interface with id %s", routerId, in.portId()));
            if (in.subnetId() != null && port.fixedIps().stream().noneMatch(ip -> ip.subnetId().equals(in.subnetId()))) {
                throw NeutronErrors.conflict("SubnetMismatchForPort", "Subnet on port %s does not match the requested "
                        + "subnet %s.", port.id(), in.subnetId());
            }
            return port;
        }
        return interfaces.stream().filter(p -> p.fixedIps().stream().anyMatch(ip -> ip.subnetId().equals(in.subnetId())))
                .findFirst().orElseThrow(() -> NeutronErrors.notFound("RouterInterfaceNotFoundForSubnet",
                        "Router %s has no interface on subnet %s", routerId, in.subnetId()));
    }

    private static RouterInterface describe(Port port, String routerId, String requestedSubnet) {
        List<String> subnets = port.fixedIps().stream().map(FixedIp::subnetId).distinct().toList();
        String subnet = requestedSubnet != null ? requestedSubnet : subnets.isEmpty() ? null : subnets.getFirst();
        return new RouterInterface(routerId, port.projectId(), port.id(), port.networkId(), subnet, subnets);
    }
}
