package dev.kumo.core.network.dhcp;

import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.ipam.Ipam;
import dev.kumo.core.network.port.ServicePorts;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.PortBinding;
import dev.kumo.model.network.Subnet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each network's {@code network:dhcp} port as Neutron's DHCP agent does, so the DHCP server's address is
 * allocated in IPAM (no port can be given it) and {@code port list} shows what OpenStack users expect: one port
 * per network with DHCP, {@code device_id} {@code dhcp<uuid5(host)>-<network id>}, bound to the host serving it,
 * owned by the network's project, exempt from quota (Neutron's agent creates it over RPC, past the API's quota
 * check), with one address on each DHCP-enabled IPv4 subnet (the driver's DHCP serves IPv4) taken from the
 * pool like any port's: the lowest free one, so the first server gets the pool's second address, as in
 * OpenStack.
 */
public final class DhcpPorts {
    public static final String OWNER = "network:dhcp";
    private static final Logger LOG = LoggerFactory.getLogger(DhcpPorts.class);

    private final String host;

    /** {@code host}: the name of the host whose DHCP service serves the networks (the agents API's host). */
    public DhcpPorts(String host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /** Neutron's DHCP device id of a network on this host. */
    public String deviceId(String networkId) {
        return "dhcp" + NameBasedUuid.v5Dns(host) + "-" + networkId;
    }

    /**
     * Makes the network's DHCP port match its DHCP-enabled subnets, inside the caller's write transaction.
     *
     * @return the DHCP port as it now is (to hand to the data path), or the deleted one, or nothing if unchanged
     */
    public Optional<Port> converge(NetworkTx tx, String networkId, Instant now) {
        Optional<Network> network = tx.networks().find(networkId, Viewer.ALL);
        List<Port> existing = tx.ports().ofNetwork(networkId).stream()
                .filter(p -> OWNER.equals(p.deviceOwner()) && p.deviceId().equals(deviceId(networkId))).toList();
        List<Subnet> served = network.isEmpty() ? List.of() : tx.subnets().ofNetwork(networkId).stream()
                .filter(s -> s.enableDhcp() && s.ipVersion() == 4).toList();
        if (served.isEmpty()) {
            existing.forEach(p -> tx.ports().delete(p.id()));
            return existing.stream().findFirst();
        }
        if (existing.isEmpty()) {
            return create(tx, network.get(), served, now);
        }
        return readdress(tx, existing.getFirst(), served, now);
    }

    /** Whether the port is a DHCP port this class keeps. */
    public boolean owns(NetworkTx tx, String portId) {
        return tx.ports().find(portId, Viewer.ALL)
                .filter(p -> OWNER.equals(p.deviceOwner()) && p.deviceId().equals(deviceId(p.networkId()))).isPresent();
    }

    /** Converges every network (at start: clouds from before DHCP ports, or a change lost in a crash). */
    public List<Port> convergeAll(NetworkStore store, Instant now) {
        List<String> networks = store.read(tx -> tx.networks().list(ListQuery.all(), Viewer.ALL).stream()
                .map(Network::id).toList());
        List<Port> changed = new ArrayList<>();
        for (String id : networks) {
            store.write(tx -> converge(tx, id, now)).ifPresent(changed::add);
        }
        return changed;
    }

    private Optional<Port> create(NetworkTx tx, Network network, List<Subnet> served, Instant now) {
        List<FixedIpRequest> wanted = new ArrayList<>();
        for (Subnet subnet : served) {
            if (hasRoom(tx, network.id(), subnet)) {
                wanted.add(new FixedIpRequest(subnet.id(), null));
            }
        }
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Port port = ServicePorts.create(tx, network.projectId(), network.id(), deviceId(network.id()), OWNER, wanted, now);
        Port bound = withHost(port);
        tx.ports().update(bound);
        return Optional.of(bound);
    }

    /** Adds an address on newly served subnets and drops those of subnets no longer served (IPv6 ones stay). */
    private Optional<Port> readdress(NetworkTx tx, Port port, List<Subnet> served, Instant now) {
        Set<String> servedIds = served.stream().map(Subnet::id).collect(Collectors.toSet());
        Set<String> v4Subnets = tx.subnets().ofNetwork(port.networkId()).stream().filter(s -> s.ipVersion() == 4)
                .map(Subnet::id).collect(Collectors.toSet());
        Set<String> gateways = served.stream().map(Subnet::gatewayIp).filter(Objects::nonNull).collect(Collectors.toSet());
        // an address that became its subnet's gateway (a gateway moved into the CIDR) is given up for a new one
        List<FixedIp> ips = new ArrayList<>(port.fixedIps().stream()
                .filter(ip -> servedIds.contains(ip.subnetId()) || !v4Subnets.contains(ip.subnetId()))
                .filter(ip -> !gateways.contains(ip.ipAddress())).toList());
        Set<String> addressed = ips.stream().map(FixedIp::subnetId).collect(Collectors.toSet());
        for (Subnet subnet : served) {
            if (!addressed.contains(subnet.id()) && hasRoom(tx, port.networkId(), subnet)) {
                ips.addAll(new Ipam(tx.allocations()).requested(port.networkId(), List.of(subnet),
                        List.of(new FixedIpRequest(subnet.id(), null)), List.of(), port.macAddress(), OWNER, port.id()));
            }
        }
        if (ips.equals(port.fixedIps()) && host.equals(port.binding().hostId())) {
            return Optional.empty();
        }
        Port updated = withHost(port.withFixedIps(ips)).withStandard(port.standard().revised(now));
        tx.ports().update(updated);
        return Optional.of(updated);
    }

    /** A full pool leaves the subnet without a DHCP address (the driver then picks one), not the change failed. */
    private static boolean hasRoom(NetworkTx tx, String networkId, Subnet subnet) {
        try {
            new Ipam(tx.allocations()).requested(networkId, List.of(subnet), List.of(new FixedIpRequest(subnet.id(), null)),
                    List.of(), "fa:16:3e:00:00:00", OWNER, "");
            return true;
        } catch (CloudException e) {
            LOG.warn("subnet {} has no free address for its DHCP port: {}", subnet.id(), e.getMessage());
            return false;
        }
    }

    private Port withHost(Port port) {
        PortBinding b = port.binding();
        PortBinding bound = new PortBinding(host, b.vnicType(), b.profile(), b.vifType(), b.vifDetails());
        return new Port(port.id(), port.projectId(), port.networkId(), port.name(), port.macAddress(),
                port.adminStateUp(), port.status(), port.deviceId(), port.deviceOwner(), port.fixedIps(),
                port.security(), bound, port.dnsName(), port.standard());
    }
}
