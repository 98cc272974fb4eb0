package dev.kumo.server.metadata;

import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.Filter;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.PageRequest;
import dev.kumo.core.network.query.TagFilter;
import dev.kumo.model.network.Port;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the instance behind a metadata request the way Neutron's metadata agent does: from the network the
 * request came through (named by the proxy of a DHCP namespace, or derived from the interfaces of the router whose
 * proxy forwarded it) and the request's source address, both set by the proxy, never taken from the guest. Only a
 * compute port with exactly that fixed IP on one of those networks identifies an instance; anything else is
 * unknown.
 */
public final class InstanceLocator {
    static final String ROUTER_INTERFACE = "network:router_interface";
    static final String COMPUTE_PREFIX = "compute:";
    static final NetworkCaller SYSTEM = new NetworkCaller("metadata", null, true);

    private final NetworkServices network;

    public InstanceLocator(NetworkServices network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    /** The server id, when the proxy named a router and exactly one instance has {@code sourceIp} behind it. */
    public Optional<String> viaRouter(String routerId, String sourceIp) {
        List<Object> networks = network.ports().list(SYSTEM, query(List.of(
                        new Filter<>(PortAttribute.DEVICE_ID, List.of(routerId)),
                        new Filter<>(PortAttribute.DEVICE_OWNER, List.of(ROUTER_INTERFACE)))))
                .stream().map(Port::networkId).distinct().<Object>map(id -> id).toList();
        return networks.isEmpty() ? Optional.empty() : instance(networks, sourceIp);
    }

    /** The server id, when the proxy named a network and exactly one instance on it has {@code sourceIp}. */
    public Optional<String> viaNetwork(String networkId, String sourceIp) {
        return instance(List.of(networkId), sourceIp);
    }

    private Optional<String> instance(List<Object> networkIds, String sourceIp) {
        List<Port> ports = network.ports().list(SYSTEM, query(List.of(
                new Filter<>(PortAttribute.NETWORK_ID, networkIds),
                new Filter<>(PortAttribute.FIXED_IP_ADDRESS, List.of(sourceIp))))).stream()
                .filter(p -> p.deviceOwner().startsWith(COMPUTE_PREFIX) && !p.deviceId().isEmpty())
                .filter(p -> p.fixedIps().stream().anyMatch(ip -> ip.ipAddress().equals(sourceIp)))
                .toList();
        // two instances with the same address behind one router or network cannot both be right: answer neither
        return ports.size() == 1 ? Optional.of(ports.getFirst().deviceId()) : Optional.empty();
    }

    private static ListQuery<PortAttribute> query(List<Filter<PortAttribute>> filters) {
        return new ListQuery<>(filters, TagFilter.NONE, List.of(), PageRequest.ALL);
    }
}
