package dev.kumo.core.network.floatingip;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortForwarding;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Neutron's port forwardings ({@code /floatingips/{id}/port_forwardings}), API and state: a floating IP that is
 * not associated with a port forwards external ports to fixed IPv4 addresses of ports that a router connects to
 * its network. Validated with Neutron's rules and wording; every change is a revision of the floating IP. The
 * data path does not carry them yet.
 */
public final class PortForwardingService {
    private final NetworkStore store;
    private final Clock clock;

    public PortForwardingService(NetworkStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The floating IP's forwardings that {@code filter} accepts. */
    public List<PortForwarding> list(NetworkCaller caller, String floatingIpId, Predicate<PortForwarding> filter) {
        return store.read(tx -> {
            floatingIp(tx, caller, floatingIpId);
            return tx.portForwardings().ofFloatingIp(floatingIpId).stream().filter(filter).toList();
        });
    }

    public PortForwarding get(NetworkCaller caller, String floatingIpId, String id) {
        return store.read(tx -> find(tx, floatingIp(tx, caller, floatingIpId), id));
    }

    public PortForwarding create(NetworkCaller caller, String floatingIpId, PortForwardingRequest in) {
        required("external_port", in.externalPort());
        required("internal_port", in.internalPort());
        required("internal_port_id", in.internalPortId());
        required("protocol", in.protocol());
        return store.write(tx -> {
            FloatingIp fip = owned(tx, caller, floatingIpId, "create_floatingip_port_forwarding");
            var created = checked(tx, caller, fip, new PortForwarding(UUID.randomUUID().toString(), fip.id(),
                    in.internalPortId(), in.internalIpAddress() == null ? "" : in.internalIpAddress(), in.internalPort(),
                    in.externalPort(), in.protocol(), Objects.requireNonNullElse(
                            TextRules.limited("description", in.description()), "")), null);
            tx.portForwardings().insert(created);
            revise(tx, fip);
            return created;
        });
    }

    public PortForwarding update(NetworkCaller caller, String floatingIpId, String id, PortForwardingRequest in) {
        return store.write(tx -> {
            FloatingIp fip = owned(tx, caller, floatingIpId, "update_floatingip_port_forwarding");
            PortForwarding old = find(tx, fip, id);
            boolean portChanged = in.internalPortId() != null && !in.internalPortId().equals(old.internalPortId());
            var changed = checked(tx, caller, fip, new PortForwarding(old.id(), fip.id(),
                    in.internalPortId() != null ? in.internalPortId() : old.internalPortId(),
                    in.internalIpAddress() != null ? in.internalIpAddress() : portChanged ? "" : old.internalIpAddress(),
                    in.internalPort() != null ? in.internalPort() : old.internalPort(),
                    in.externalPort() != null ? in.externalPort() : old.externalPort(),
                    in.protocol() != null ? in.protocol() : old.protocol(),
                    in.description() != null ? TextRules.limited("description", in.description()) : old.description()),
                    old.id());
            tx.portForwardings().update(changed);
            revise(tx, fip);
            return changed;
        });
    }

    public void delete(NetworkCaller caller, String floatingIpId, String id) {
        store.write(tx -> {
            FloatingIp fip = owned(tx, caller, floatingIpId, "delete_floatingip_port_forwarding");
            tx.portForwardings().delete(find(tx, fip, id).id());
            revise(tx, fip);
            return null;
        });
    }

    /**
     * Neutron's checks, in its order: tcp/udp and ports 1-65535, the floating IP not associated, the internal port
     * with an IPv4 address (the first one when none is named), a router from its subnet to the floating IP's
     * network, and no other forwarding with the same external port or internal socket.
     */
    private static PortForwarding checked(NetworkTx tx, NetworkCaller caller, FloatingIp fip, PortForwarding pf,
                                          String replacing) {
        PortForwardingRules.protocol(pf.protocol());
        PortForwardingRules.port("internal_port", pf.internalPort());
        PortForwardingRules.port("external_port", pf.externalPort());
        if (fip.associated()) {
            throw NeutronErrors.conflict("FloatingIPPortAlreadyAssociated", "Floating IP %s (%s) is associated with "
                    + "port %s: port forwardings need a floating IP that is not associated with a port.",
                    fip.floatingIpAddress(), fip.id(), fip.portId());
        }
        Port port = tx.ports().find(pf.internalPortId(), caller.viewer())
                .orElseThrow(() -> NeutronErrors.portNotFound(pf.internalPortId()));
        FixedIp fixed = PortForwardingRules.internalAddress(port, pf.internalIpAddress());
        PortForwardingRules.reachable(() -> FloatingIpAssociation.routerTo(tx, fip.floatingNetworkId(), fixed.subnetId(),
                port.id()), fip, fixed.subnetId(), port.id());
        tx.floatingIps().associatedWith(port.id(), fixed.ipAddress(), fip.floatingNetworkId()).ifPresent(bound -> {
            throw NeutronErrors.conflict("PortHasBindingFloatingIP", "Cannot create port forwarding to floating IP %s "
                    + "(%s) with port %s using fixed IP %s, as that port already has a binding floating IP.",
                    fip.floatingIpAddress(), fip.id(), port.id(), fixed.ipAddress());
        });
        var result = new PortForwarding(pf.id(), pf.floatingIpId(), port.id(), fixed.ipAddress(), pf.internalPort(),
                pf.externalPort(), pf.protocol(), pf.description());
        PortForwardingRules.unique(tx.portForwardings().ofFloatingIp(fip.id()), result, replacing);
        return result;
    }

    private static void required(String attribute, Object value) {
        if (value == null) {
            throw NeutronErrors.badRequest("Failed to parse request. Required attribute '%s' not specified", attribute);
        }
    }

    private void revise(NetworkTx tx, FloatingIp fip) {
        tx.floatingIps().update(fip.withStandard(fip.standard().revised(clock.instant())));
    }

    private static FloatingIp floatingIp(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.floatingIps().find(id, caller.viewer()).orElseThrow(() -> NeutronErrors.floatingIpNotFound(id));
    }

    private static FloatingIp owned(NetworkTx tx, NetworkCaller caller, String id, String rule) {
        FloatingIp fip = floatingIp(tx, caller, id);
        NetworkPolicy.requireOwner(caller, fip.projectId(), rule);
        return fip;
    }

    private static PortForwarding find(NetworkTx tx, FloatingIp fip, String id) {
        return tx.portForwardings().ofFloatingIp(fip.id()).stream().filter(pf -> pf.id().equals(id)).findFirst()
                .orElseThrow(() -> NeutronErrors.notFound("PortForwardingNotFound", "Port Forwarding %s could not be "
                        + "found.", id));
    }

    static boolean isV4(FixedIp ip) {
        return IpAddress.tryParse(ip.ipAddress()).map(a -> a.version() == 4).orElse(false);
    }
}
