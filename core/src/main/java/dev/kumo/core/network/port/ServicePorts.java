package dev.kumo.core.network.port;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.MacAddress;
import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.ipam.Ipam;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortBinding;
import dev.kumo.model.network.PortSecurity;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.StandardAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ports the network service makes for its own devices (router interfaces and gateways, floating IPs), never
 * through the port API: no security groups, no binding, an address from IPAM like any port's.
 */
public final class ServicePorts {
    private static final int MAC_ATTEMPTS = 16;

    private ServicePorts() {}

    /** A new port of the device on the network, with the requested addresses (or automatic ones when null). */
    public static Port create(NetworkTx tx, String projectId, String networkId, String deviceId, String owner,
                       List<FixedIpRequest> addresses, Instant now) {
        String id = UUID.randomUUID().toString();
        String mac = freshMac(tx, networkId);
        var ipam = new Ipam(tx.allocations());
        var subnets = tx.subnets().ofNetwork(networkId);
        List<FixedIp> ips = addresses == null ? ipam.automatic(networkId, subnets, mac, owner)
                : ipam.requested(networkId, subnets, addresses, List.of(), mac, owner, id);
        var port = new Port(id, projectId, networkId, "", mac, true, ResourceStatus.DOWN, deviceId, owner, ips,
                new PortSecurity(false, List.of(), List.of()),
                new PortBinding("", "normal", Map.of(), PortBinding.UNBOUND, Map.of()), "",
                StandardAttributes.created("", List.of(), now));
        tx.ports().insert(port);
        return port;
    }

    private static String freshMac(NetworkTx tx, String networkId) {
        for (int i = 0; i < MAC_ATTEMPTS; i++) {
            String mac = MacAddress.random();
            if (!tx.ports().macInUse(networkId, mac)) {
                return mac;
            }
        }
        throw NeutronErrors.typed(503, "NetworkMacAddressGenerationFailure",
                "Unable to generate unique mac on network %s.", networkId);
    }
}
