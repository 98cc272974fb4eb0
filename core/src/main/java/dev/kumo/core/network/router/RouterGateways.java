package dev.kumo.core.network.router;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.RouterGateway;
import java.time.Instant;

/**
 * Sets and clears a router's external gateway: a port of the router on an external network, owned by no
 * project (as Neutron's gateway ports are), whose address the router SNATs its subnets out of.
 */
final class RouterGateways {
    private RouterGateways() {}

    /**
     * The gateway {@code in} asks for. When {@code current} is on the same network and no addresses are asked
     * for, its port is kept (only {@code enable_snat} changes); otherwise the caller has removed the old
     * gateway first (the same address may be asked for again) and a new port is made.
     */
    static RouterGateway set(NetworkTx tx, NetworkCaller caller, String routerId, RouterGateway current,
                             GatewayRequest in, Instant now) {
        Network network = externalNetwork(tx, caller, in);
        boolean snat = in.enableSnat() == null ? current == null || current.enableSnat() : in.enableSnat();
        if (keeps(current, in)) {
            return new RouterGateway(network.id(), snat, current.portId());
        }
        Port port = RouterPorts.create(tx, "", network.id(), routerId, RouterPorts.GATEWAY, in.fixedIps(), now);
        if (port.fixedIps().isEmpty()) {
            throw NeutronErrors.badResourceRequest("router", "No IPs available for external network %s", network.id());
        }
        return new RouterGateway(network.id(), snat, port.id());
    }

    /** Whether a change to {@code in} keeps the gateway port of {@code current}. */
    static boolean keeps(RouterGateway current, GatewayRequest in) {
        return current != null && in != null && current.networkId().equals(in.networkId()) && in.fixedIps() == null;
    }

    private static Network externalNetwork(NetworkTx tx, NetworkCaller caller, GatewayRequest in) {
        if (in.networkId() == null) {
            throw NeutronErrors.invalidAttribute("external_gateway_info", "network_id is required");
        }
        if (in.enableSnat() != null) {
            NetworkPolicy.requireAdmin(caller, "create_router:external_gateway_info:enable_snat");
        }
        if (in.fixedIps() != null) {
            NetworkPolicy.requireAdmin(caller, "create_router:external_gateway_info:external_fixed_ips");
        }
        Network network = tx.networks().find(in.networkId(), caller.viewer())
                .orElseThrow(() -> NeutronErrors.networkNotFound(in.networkId()));
        if (!network.external()) {
            throw NeutronErrors.badResourceRequest("router", "Network %s is not an external network", network.id());
        }
        return network;
    }
}
