package dev.kumo.server;

import dev.kumo.api.network.NetworkServices;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.server.NetworkPlumbing;
import dev.kumo.core.compute.server.Nic;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.network.NetworkAttribute;
import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.port.PortRequest;
import dev.kumo.core.network.securitygroup.SecurityGroupAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.core.network.floatingip.FloatingIpAttribute;
import dev.kumo.core.network.query.Filter;
import dev.kumo.core.network.query.PageRequest;
import dev.kumo.core.network.query.TagFilter;
import dev.kumo.model.network.FloatingIp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Objects;
import java.util.Optional;

/**
 * The compute service's view of the network service, in process: lookups as the caller; port changes as the
 * compute service acting for the server's project (it may bind ports to hosts, which projects may not).
 */
final class ComputeNetworkPlumbing implements NetworkPlumbing {
    private static final String OWNER_PREFIX = "compute:";

    private final NetworkServices network;

    ComputeNetworkPlumbing(NetworkServices network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public Optional<NetworkInfo> network(ComputeCaller caller, String id) {
        try {
            Network n = network.networks().get(asCaller(caller), id);
            return Optional.of(new NetworkInfo(n.id(), n.name()));
        } catch (CloudException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<NetworkInfo> usableNetworks(ComputeCaller caller) {
        return network.networks().list(asCaller(caller), ListQuery.<NetworkAttribute>all()).stream()
                .filter(n -> !n.external() && (n.shared() || n.projectId().equals(caller.projectId())))
                .map(n -> new NetworkInfo(n.id(), n.name())).toList();
    }

    @Override
    public Optional<PortInfo> port(ComputeCaller caller, String id) {
        try {
            Port p = network.ports().get(asCaller(caller), id);
            return Optional.of(new PortInfo(p.id(), p.networkId(), p.projectId(), p.deviceId()));
        } catch (CloudException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean securityGroupExists(ComputeCaller caller, String nameOrId) {
        if (nameOrId.equals("default")) {
            return true;
        }
        return network.securityGroups().list(asCaller(caller), ListQuery.<SecurityGroupAttribute>all()).stream()
                .anyMatch(g -> (g.name().equals(nameOrId) || g.id().equals(nameOrId))
                        && (caller.projectId() == null || g.projectId().equals(caller.projectId())));
    }

    @Override
    public void setSecurityGroups(Server server, List<String> namesOrIds) {
        List<String> ids = groupIds(server, namesOrIds);
        for (Nic nic : portsOf(server)) {
            network.ports().update(system(server), nic.portId(), new PortRequest(null, null, null, null, null, null,
                    null, null, null, ids, null, null, null, null, null, null, null));
        }
    }

    /** The ids of the server's project's groups of these names or ids. */
    private List<String> groupIds(Server server, List<String> namesOrIds) {
        var groups = network.securityGroups().list(system(server), ListQuery.<SecurityGroupAttribute>all()).stream()
                .filter(g -> g.projectId().equals(server.projectId())).toList();
        return namesOrIds.stream().map(n -> groups.stream()
                .filter(g -> g.name().equals(n) || g.id().equals(n)).findFirst().map(SecurityGroup::id)
                .orElseThrow(() -> new IllegalStateException("security group " + n + " of server " + server.id()
                        + " is not in project " + server.projectId()))).distinct().toList();
    }

    /**
     * A port for the server in its groups, as Nova creates them: the groups the server was created with (by name
     * or id), else the project's default group (the network service's default for a new port).
     */
    @Override
    public Nic createPort(Server server, String networkId, String fixedIp) {
        List<String> named = server.securityGroups() == null ? List.of() : server.securityGroups();
        // "default" alone is what a new port gets anyway (and the project's default group may not exist yet)
        List<String> groups = named.isEmpty() || named.equals(List.of("default")) ? null : groupIds(server, named);
        var request = new PortRequest(networkId, "", null, server.projectId(), null, null,
                fixedIp == null ? null : List.of(new FixedIpRequest(null, fixedIp)), server.id(),
                OWNER_PREFIX + zone(server), groups, null, null, server.host(), null, null, null, null);
        return nic(network.ports().create(system(server), request), true);
    }

    @Override
    public Nic bindPort(Server server, String portId) {
        var request = new PortRequest(null, null, null, null, null, null, null, server.id(), OWNER_PREFIX + zone(server),
                null, null, null, server.host(), null, null, null, null);
        return nic(network.ports().update(system(server), portId, request), false);
    }

    @Override
    public List<Nic> portsOf(Server server) {
        return network.ports().list(system(server), ListQuery.where(PortAttribute.DEVICE_ID, server.id())).stream()
                .map(p -> nic(p, true)).toList();
    }

    @Override
    public void release(Server server, List<Nic> nics) {
        for (Nic nic : nics) {
            try {
                if (nic.createdByCompute()) {
                    network.ports().delete(system(server), nic.portId());
                } else {
                    network.ports().update(system(server), nic.portId(), new PortRequest(null, null, null, null, null,
                            null, null, "", "", null, null, null, "", null, null, null, null));
                }
            } catch (CloudException e) {
                // already gone: releasing is idempotent
            }
        }
    }

    @Override
    public Map<String, List<String>> floatingIps(Collection<String> portIds) {
        if (portIds.isEmpty()) {
            return Map.of();
        }
        var query = new ListQuery<FloatingIpAttribute>(List.of(new Filter<>(FloatingIpAttribute.PORT_ID,
                List.copyOf(portIds))), TagFilter.NONE, List.of(), PageRequest.ALL);
        return network.floatingIps().list(new NetworkCaller("compute", null, true), query).stream()
                .collect(Collectors.groupingBy(FloatingIp::portId, TreeMap::new,
                        Collectors.mapping(FloatingIp::floatingIpAddress, Collectors.toList())));
    }

    @Override
    public Optional<dev.kumo.core.compute.server.InterfaceAttachment> attachment(Nic nic) {
        try {
            Port p = network.ports().get(new NetworkCaller("compute", null, true), nic.portId());
            var ips = p.fixedIps().stream().map(ip -> new dev.kumo.core.compute.server.InterfaceAttachment.FixedAddress(
                    ip.subnetId(), ip.ipAddress())).toList();
            return Optional.of(new dev.kumo.core.compute.server.InterfaceAttachment(p.id(), p.networkId(),
                    p.macAddress(), p.status().name(), ips));
        } catch (CloudException e) {
            return Optional.empty();
        }
    }

    private Nic nic(Port p, boolean created) {
        String name = network(p.networkId());
        return new Nic(p.id(), p.networkId(), name, p.macAddress(), p.fixedIps().stream().map(FixedIp::ipAddress).toList(),
                created);
    }

    private String network(String id) {
        try {
            return network.networks().get(new NetworkCaller("compute", null, true), id).name();
        } catch (CloudException e) {
            return id;
        }
    }

    private static String zone(Server s) {
        return s.availabilityZone() == null ? "nova" : s.availabilityZone();
    }

    private static NetworkCaller asCaller(ComputeCaller caller) {
        return new NetworkCaller(caller.userId(), caller.projectId(), caller.admin());
    }

    private static NetworkCaller system(Server server) {
        return new NetworkCaller(server.userId() == null ? "compute" : server.userId(), server.projectId(), true);
    }
}
