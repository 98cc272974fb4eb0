package dev.kumo.driver.fake.network;

import dev.kumo.spi.network.DataPathInventory;
import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.L2Segment;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.NetworkDriverCapabilities;
import dev.kumo.spi.network.NetworkDriverException;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.NetworkState;
import dev.kumo.spi.network.NetworkType;
import dev.kumo.spi.network.OperationalStatus;
import dev.kumo.spi.network.PortAddress;
import dev.kumo.spi.network.PortRef;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.PortState;
import dev.kumo.spi.network.RouterSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A {@link NetworkDriver} that changes nothing on the host: it keeps what the Linux driver would have
 * plumbed and journals each change the Linux driver would have made, so tests can check both the state and
 * the work. Its behaviour is the contract's, made concrete:
 * <ul>
 *   <li>a network is ACTIVE once ensured, DOWN while administratively down; a segment type or physical
 *       network outside {@link #capabilities()} fails;</li>
 *   <li>a port is plugged (ACTIVE, vif type {@code tap}) once it is bound to a host and it and its network
 *       are administratively up; unbound it is DOWN with vif type {@code unbound}, but its DHCP entry
 *       exists; a port whose network was never ensured fails;</li>
 *   <li>ensuring the same spec twice journals nothing the second time; deleting what is not there succeeds
 *       and journals nothing; deleting a network unplugs its remaining ports;</li>
 *   <li>an injected failure leaves the state as it was (the fake undoes all its partial work).</li>
 * </ul>
 * State lives in memory: after a restart the service's reconciliation re-ensures everything. Thread-safe.
 */
public final class FakeNetworkDriver implements NetworkDriver {
    /** How guests attach to a plugged port: a tap device on the network's bridge. */
    public static final String VIF_TYPE = "tap";

    private final NetworkDriverCapabilities capabilities;
    private final Map<String, NetworkSpec> networks = new ConcurrentHashMap<>();
    private final Map<String, PortSpec> ports = new ConcurrentHashMap<>();
    private final FakeRouting routing = new FakeRouting();
    private final Map<String, SecurityGroupSpec> securityGroups = new ConcurrentHashMap<>();
    private final List<DataPathChange> journal = new CopyOnWriteArrayList<>();
    private final FaultInjection faults = new FaultInjection();
    private volatile OperationalStatus operational =
            OperationalStatus.ok("fake network driver: records the data path, changes nothing on the host");

    public FakeNetworkDriver() {
        this(defaultCapabilities());
    }

    public FakeNetworkDriver(NetworkDriverCapabilities capabilities) {
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    /** Every segment type, one physical network {@code physnet1} (as the source documents map to br-ex), routing. */
    public static NetworkDriverCapabilities defaultCapabilities() {
        return new NetworkDriverCapabilities(EnumSet.allOf(NetworkType.class), Set.of("physnet1"), true, true,
                true, true, 1500);
    }

    @Override
    public OperationalStatus probe() {
        return operational;
    }

    @Override
    public NetworkDriverCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public DataPathInventory inventory() {
        return new DataPathInventory(networks.keySet(),
                ports.values().stream().map(p -> new PortRef(p.portId(), p.networkId())).collect(Collectors.toSet()),
                routing.routerIds(), routing.floatingIpIds());
    }

    @Override
    public NetworkState ensureNetwork(NetworkSpec network) {
        Objects.requireNonNull(network, "network");
        faults.before(FakeOperation.ENSURE_NETWORK, network.networkId());
        requireCarried(network.networkId(), network.segment());
        NetworkSpec previous = networks.put(network.networkId(), network);
        if (!network.equals(previous)) {
            journal.add(new DataPathChange(FakeOperation.ENSURE_NETWORK, network.networkId(), describe(network)));
        }
        return network.adminStateUp() ? NetworkState.active()
                : new NetworkState(DataPathStatus.DOWN, "the network is administratively down");
    }

    @Override
    public void deleteNetwork(String networkId) {
        Objects.requireNonNull(networkId, "networkId");
        faults.before(FakeOperation.DELETE_NETWORK, networkId);
        ports.values().removeIf(p -> p.networkId().equals(networkId));
        if (networks.remove(networkId) != null) {
            journal.add(new DataPathChange(FakeOperation.DELETE_NETWORK, networkId, "bridge, segment and DHCP service removed"));
        }
    }

    @Override
    public PortState ensurePort(PortSpec port) {
        Objects.requireNonNull(port, "port");
        faults.before(FakeOperation.ENSURE_PORT, port.portId());
        NetworkSpec network = networks.get(port.networkId());
        if (network == null) {
            throw new NetworkDriverException("Failed to plug port " + port.portId() + ": its network "
                    + port.networkId() + " is not plumbed on this host");
        }
        PortSpec previous = ports.put(port.portId(), port);
        if (!port.equals(previous)) {
            journal.add(new DataPathChange(FakeOperation.ENSURE_PORT, port.portId(), describe(port)));
        }
        return stateOf(port, network);
    }

    @Override
    public void deletePort(PortRef port) {
        Objects.requireNonNull(port, "port");
        faults.before(FakeOperation.DELETE_PORT, port.portId());
        if (ports.remove(port.portId()) != null) {
            journal.add(new DataPathChange(FakeOperation.DELETE_PORT, port.portId(), "unplugged from network " + port.networkId()));
        }
    }

    @Override
    public DataPathStatus ensureRouter(RouterSpec router) {
        Objects.requireNonNull(router, "router");
        faults.before(FakeOperation.ENSURE_ROUTER, router.routerId());
        if (routing.ensureRouter(router, networks)) {
            journal.add(new DataPathChange(FakeOperation.ENSURE_ROUTER, router.routerId(), describe(router)));
        }
        return FakeRouting.statusOf(router);
    }

    @Override
    public void deleteRouter(String routerId) {
        Objects.requireNonNull(routerId, "routerId");
        faults.before(FakeOperation.DELETE_ROUTER, routerId);
        if (routing.deleteRouter(routerId)) {
            journal.add(new DataPathChange(FakeOperation.DELETE_ROUTER, routerId, "namespace, legs and NAT removed"));
        }
    }

    @Override
    public DataPathStatus ensureFloatingIp(FloatingIpSpec floatingIp) {
        Objects.requireNonNull(floatingIp, "floatingIp");
        faults.before(FakeOperation.ENSURE_FLOATING_IP, floatingIp.floatingIpId());
        if (routing.ensureFloatingIp(floatingIp)) {
            journal.add(new DataPathChange(FakeOperation.ENSURE_FLOATING_IP, floatingIp.floatingIpId(),
                    "DNAT " + floatingIp.floatingIpAddress() + " -> " + floatingIp.fixedIpAddress() + " in router "
                            + floatingIp.routerId()));
        }
        return DataPathStatus.ACTIVE;
    }

    @Override
    public void deleteFloatingIp(String floatingIpId) {
        Objects.requireNonNull(floatingIpId, "floatingIpId");
        faults.before(FakeOperation.DELETE_FLOATING_IP, floatingIpId);
        if (routing.deleteFloatingIp(floatingIpId)) {
            journal.add(new DataPathChange(FakeOperation.DELETE_FLOATING_IP, floatingIpId, "NAT and ARP removed"));
        }
    }

    @Override
    public void ensureSecurityGroup(SecurityGroupSpec group) {
        Objects.requireNonNull(group, "group");
        faults.before(FakeOperation.ENSURE_SECURITY_GROUP, group.groupId());
        if (!group.equals(securityGroups.put(group.groupId(), group))) {
            journal.add(new DataPathChange(FakeOperation.ENSURE_SECURITY_GROUP, group.groupId(),
                    group.rules().size() + " rules" + (group.stateful() ? ", stateful" : ", stateless")));
        }
    }

    @Override
    public void deleteSecurityGroup(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        faults.before(FakeOperation.DELETE_SECURITY_GROUP, groupId);
        if (securityGroups.remove(groupId) != null) {
            journal.add(new DataPathChange(FakeOperation.DELETE_SECURITY_GROUP, groupId, "rule set removed"));
        }
    }

    // ---- what tests look at and control ----

    public Optional<SecurityGroupSpec> securityGroup(String groupId) {
        return Optional.ofNullable(securityGroups.get(groupId));
    }

    public Optional<RouterSpec> router(String routerId) {
        return routing.router(routerId);
    }

    public Optional<FloatingIpSpec> floatingIp(String floatingIpId) {
        return routing.floatingIp(floatingIpId);
    }

    public Optional<NetworkSpec> network(String networkId) {
        return Optional.ofNullable(networks.get(networkId));
    }

    public Optional<PortSpec> port(String portId) {
        return Optional.ofNullable(ports.get(portId));
    }

    /** Every change so far, oldest first. */
    public List<DataPathChange> journal() {
        return List.copyOf(journal);
    }

    /**
     * The hosts file the network's DHCP service would serve: one line per port with addresses, except the DHCP
     * service's own port (as the Linux driver's).
     */
    public List<DhcpHost> dhcpHosts(String networkId) {
        List<DhcpHost> hosts = new ArrayList<>();
        for (PortSpec p : ports.values()) {
            if (p.networkId().equals(networkId) && !p.addresses().isEmpty() && !"network:dhcp".equals(p.deviceOwner())) {
                hosts.add(new DhcpHost(p.macAddress(), p.addresses().stream().map(PortAddress::ipAddress).toList(),
                        p.hostname()));
            }
        }
        return hosts;
    }

    /** Adds {@code latency} to every later change. */
    public void injectLatency(Duration latency) {
        faults.latency(latency);
    }

    /** The next {@code times} calls of {@code operation} fail with {@code cause}; 0 cancels. */
    public void injectFailure(FakeOperation operation, int times, String cause) {
        faults.fail(operation, times, cause);
    }

    /** What {@link #probe()} answers from now on. */
    public void setOperational(OperationalStatus status) {
        this.operational = Objects.requireNonNull(status, "status");
    }

    /** Forgets injected latency and failures (the plumbed state stays). */
    public void clearFaults() {
        faults.clear();
    }

    private void requireCarried(String networkId, L2Segment segment) {
        if (!capabilities.networkTypes().contains(segment.type())) {
            throw new NetworkDriverException("Failed to plumb network " + networkId + ": segment type "
                    + segment.type().apiName() + " is not supported by this driver");
        }
        if (segment.physicalNetwork() != null && !capabilities.physicalNetworks().contains(segment.physicalNetwork())) {
            throw new NetworkDriverException("Failed to plumb network " + networkId + ": physical network "
                    + segment.physicalNetwork() + " has no bridge mapping on this host");
        }
    }

    private static PortState stateOf(PortSpec port, NetworkSpec network) {
        if (!port.bound()) {
            return PortState.unbound();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("port_filter", port.portSecurity());
        details.put("bridge_name", "brq" + prefix(port.networkId()));
        details.put("tap_name", "tap" + prefix(port.portId()));
        if (!port.adminStateUp() || !network.adminStateUp()) {
            return new PortState(DataPathStatus.DOWN, VIF_TYPE, details,
                    port.adminStateUp() ? "its network is administratively down" : "the port is administratively down");
        }
        return new PortState(DataPathStatus.ACTIVE, VIF_TYPE, details, "");
    }

    /** Linux interface names are at most 15 bytes: a 3-letter kind plus 11 characters of the owner's id. */
    private static String prefix(String id) {
        return id.length() <= 11 ? id : id.substring(0, 11);
    }

    private static String describe(NetworkSpec n) {
        return n.segment().type().apiName() + (n.segment().segmentationId() == null ? "" : " " + n.segment().segmentationId())
                + " mtu " + n.mtu() + (n.needsDhcp() ? ", DHCP for " + n.subnets().stream().filter(s -> s.dhcpEnabled())
                .map(s -> s.cidr()).toList() : ", no DHCP") + (n.adminStateUp() ? "" : ", down");
    }

    private static String describe(RouterSpec r) {
        return r.interfaces().size() + " interfaces " + r.interfaces().stream().flatMap(l -> l.addresses().stream()).toList()
                + (r.gateway() == null ? ", no gateway" : ", gateway " + r.gateway().addresses()
                + (r.enableSnat() ? " with SNAT" : " without SNAT")) + (r.routes().isEmpty() ? "" : ", routes " + r.routes())
                + (r.adminStateUp() ? "" : ", down");
    }

    private static String describe(PortSpec p) {
        return p.macAddress() + " " + p.addresses().stream().map(PortAddress::ipAddress).toList()
                + (p.bound() ? " on host " + p.hostId() : " unbound") + (p.adminStateUp() ? "" : ", down");
    }
}
