package dev.kumo.driver.linux;

import dev.kumo.spi.network.DataPathInventory;
import dev.kumo.spi.network.DataPathStatus;
import dev.kumo.spi.network.DeviceNames;
import dev.kumo.spi.network.FloatingIpSpec;
import dev.kumo.spi.network.NetworkDriver;
import dev.kumo.spi.network.NetworkDriverCapabilities;
import dev.kumo.spi.network.NetworkDriverException;
import dev.kumo.spi.network.NetworkSpec;
import dev.kumo.spi.network.NetworkState;
import dev.kumo.spi.network.NetworkType;
import dev.kumo.spi.network.OperationalStatus;
import dev.kumo.spi.network.PortRef;
import dev.kumo.spi.network.PortSpec;
import dev.kumo.spi.network.PortState;
import dev.kumo.spi.network.RouterLeg;
import dev.kumo.spi.network.RouterSpec;
import dev.kumo.spi.network.SecurityGroupSpec;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Linux data path, Neutron linuxbridge style, all in the root namespace for bridges: {@code brq<id>} per
 * tenant network (a mapped host bridge such as {@code br-ex} for flat physical networks), persistent taps for
 * VM ports, {@code qdhcp-}/{@code qrouter-} namespaces, nftables security groups (see the classes it
 * delegates to). The desired state it was last given is kept in memory, since one object's plumbing depends
 * on others' (a router leg needs its network's bridge; DHCP's metadata route depends on whether a router
 * serves the network); after a restart the service's reconciliation gives it all again.
 *
 * <p>Calls are serialised (one lock): simple and safe, at the price of no parallel plumbing.
 */
public final class LinuxNetworkDriver implements NetworkDriver {
    public static final String VIF_TYPE = "tap";
    private static final String DHCP_OWNER = "network:dhcp";

    private final LinuxNetworkConfig config;
    private final DeviceLinks links;
    private final DhcpService dhcp;
    private final RouterPlumbing routing;
    private final SecurityGroupFilters filters;
    private final DriverRecords records;
    private final HostGatewayAddresses hostAddresses;
    private final Map<String, NetworkPlacement> networks = new ConcurrentHashMap<>();
    private final Map<String, PortSpec> ports = new ConcurrentHashMap<>();
    private final Map<String, RouterSpec> routers = new ConcurrentHashMap<>();
    private final Map<String, FloatingIpSpec> floatingIps = new ConcurrentHashMap<>();

    public LinuxNetworkDriver(LinuxNetworkConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        HostCommands host = new HostCommands();
        this.links = new DeviceLinks(host);
        Daemons daemons = new Daemons(host);
        MetadataProxies proxies = new MetadataProxies(daemons, config.networkDir());
        this.dhcp = new DhcpService(links, daemons, proxies, config.networkDir(), config.metadataSocket());
        this.routing = new RouterPlumbing(links, proxies, config.metadataSocket());
        this.filters = new SecurityGroupFilters(host, config.filterTable());
        this.records = new DriverRecords(config.networkDir());
        // after a restart the service re-ensures routers before their floating IPs: known from the notes, the
        // floating IPs stay on the gateway leg and in the NAT table meanwhile instead of dropping out
        records.floatingIps().forEach(f -> floatingIps.put(f.floatingIpId(), f));
        this.hostAddresses = new HostGatewayAddresses(host, config.networkDir(),
                HostGatewayAddresses.guardTableOf(config.filterTable()));
    }

    @Override
    public OperationalStatus probe() {
        return HostProbe.probe();
    }

    @Override
    public NetworkDriverCapabilities capabilities() {
        return new NetworkDriverCapabilities(Set.of(NetworkType.FLAT, NetworkType.VXLAN, NetworkType.LOCAL),
                config.bridgeMappings().keySet(), true, true, true, true, 1500);
    }

    @Override
    public DataPathInventory inventory() {
        Set<String> networkIds = new HashSet<>(records.networkIds());
        for (String ns : links.namespaces()) {
            // only a DHCP namespace this driver's state directory knows: another kumo on the host (a test
            // instance with its own state directory) has its own, which this one's sweep must not delete
            String networkId = ns.startsWith("qdhcp-") ? ns.substring("qdhcp-".length()) : null;
            if (networkId != null && Files.isDirectory(dhcp.dir(networkId))) {
                networkIds.add(networkId);
            }
        }
        // routers and floating IPs from this driver's own records only: a qrouter- namespace without one may
        // belong to another kumo on this host (a test instance), whose routers this one must not sweep
        Set<String> routerIds = new HashSet<>(records.routerIds());
        routerIds.addAll(routers.keySet());
        Set<String> floatingIpIds = new HashSet<>(records.floatingIpIds());
        floatingIpIds.addAll(floatingIps.keySet());
        return new DataPathInventory(networkIds, records.portRefs(), routerIds, floatingIpIds);
    }

    @Override
    public synchronized NetworkState ensureNetwork(NetworkSpec network) {
        String bridge = bridgeOf(network);
        boolean mapped = !bridge.equals(DeviceNames.bridge(network.networkId()));
        int mtu = network.mtu() > 0 ? network.mtu() : config.tenantMtu();
        records.network(network.networkId());
        if (mapped && !links.linkExists(null, bridge)) {
            records.createdBridge(bridge);
        }
        links.ensureBridge(bridge, mapped ? 0 : mtu);
        if (mapped) {
            hostAddresses.guard(config.bridgeMappings().values());
            hostAddresses.ensure(network.networkId(), bridge, network.subnets());
        }
        networks.put(network.networkId(), new NetworkPlacement(network, bridge, mtu));
        refreshDhcp(network.networkId());
        return network.adminStateUp() ? NetworkState.active()
                : new NetworkState(DataPathStatus.DOWN, "the network is administratively down");
    }

    @Override
    public synchronized void deleteNetwork(String networkId) {
        CleanupSteps steps = new CleanupSteps();
        for (PortSpec port : List.copyOf(ports.values())) {
            if (port.networkId().equals(networkId)) {
                steps.step(() -> unplug(port.portId()));
            }
        }
        for (PortRef ref : records.portRefs()) {
            if (ref.networkId().equals(networkId)) {
                steps.step(() -> unplug(ref.portId()));
            }
        }
        steps.step(() -> dhcp.remove(networkId))
                .step(() -> hostAddresses.remove(networkId))
                .step(() -> links.deleteLink(null, DeviceNames.bridge(networkId)))
                .step(() -> {
                    networks.remove(networkId);
                    records.forgetNetwork(networkId);
                })
                .step(this::unguardWhenNoMappedNetworkLeft)
                .step(this::applyFilters)
                .finish("delete network " + networkId);
    }

    private void unguardWhenNoMappedNetworkLeft() {
        boolean anyMapped = networks.values().stream()
                .anyMatch(n -> !n.bridge().equals(DeviceNames.bridge(n.spec().networkId())));
        if (!anyMapped) {
            hostAddresses.unguard();
        }
    }

    @Override
    public synchronized void purgeHost() {
        CleanupSteps steps = new CleanupSteps();
        steps.step(() -> filters.clear())
                .step(() -> hostAddresses.unguard());
        for (String bridge : records.createdBridges()) {
            steps.step(() -> links.deleteLink(null, bridge)).step(() -> records.forgetCreatedBridge(bridge));
        }
        steps.finish("purge the host");
    }

    @Override
    public synchronized PortState ensurePort(PortSpec port) {
        NetworkPlacement network = networks.get(port.networkId());
        if (network == null) {
            throw new NetworkDriverException("Failed to plug port " + port.portId() + ": its network "
                    + port.networkId() + " is not plumbed on this host");
        }
        records.port(port.portId(), port.networkId());
        ports.put(port.portId(), port);
        String tap = DeviceNames.tap(port.portId());
        if (isTapPort(port)) {
            links.ensureTap(tap, network.bridge(), network.mtu());
            links.host().run(DeviceLinks.ip(null, "link", "set", "dev", tap, port.adminStateUp() ? "up" : "down"))
                    .orThrow("set the state of port " + port.portId());
        } else if (!port.bound() && !port.deviceOwner().startsWith("network:")) {
            links.deleteLink(null, tap); // unbound: plugged nowhere
        }
        refreshDhcp(port.networkId());
        applyFilters();
        return port.deviceOwner().startsWith("network:router") ? routerPortState(port, network) : stateOf(port, network);
    }

    /** A router's port is ACTIVE once a plumbed router carries it as a leg. */
    private PortState routerPortState(PortSpec port, NetworkPlacement network) {
        boolean carried = routers.values().stream().anyMatch(r -> (r.gateway() != null
                && r.gateway().portId().equals(port.portId()))
                || r.interfaces().stream().anyMatch(l -> l.portId().equals(port.portId())));
        Map<String, Object> details = Map.of("bridge_name", network.bridge(), "tap_name", DeviceNames.tap(port.portId()));
        String vifType = port.bound() ? VIF_TYPE : PortState.UNBOUND;
        return carried ? new PortState(DataPathStatus.ACTIVE, vifType, details, "")
                : new PortState(DataPathStatus.DOWN, vifType, details, "no plumbed router carries this port yet");
    }

    @Override
    public synchronized void deletePort(PortRef port) {
        unplug(port.portId());
        if (networks.containsKey(port.networkId())) {
            refreshDhcp(port.networkId());
        }
        applyFilters();
    }

    @Override
    public synchronized DataPathStatus ensureRouter(RouterSpec router) {
        Set<String> routedBefore = routedNetworks();
        if (!router.adminStateUp()) {
            routers.remove(router.routerId());
            routing.remove(router.routerId());
        } else {
            records.router(router.routerId());
            routers.put(router.routerId(), router);
            routing.ensure(router, floatingIpsOf(router.routerId()), this::placement);
        }
        refreshRoutedChanges(routedBefore);
        return router.adminStateUp() ? DataPathStatus.ACTIVE : DataPathStatus.DOWN;
    }

    @Override
    public synchronized void deleteRouter(String routerId) {
        Set<String> routedBefore = routedNetworks();
        routers.remove(routerId);
        floatingIps.values().removeIf(f -> f.routerId().equals(routerId));
        routing.remove(routerId);
        records.forgetRouter(routerId);
        refreshRoutedChanges(routedBefore);
    }

    @Override
    public synchronized DataPathStatus ensureFloatingIp(FloatingIpSpec floatingIp) {
        RouterSpec router = routers.get(floatingIp.routerId());
        if (router == null || router.gateway() == null) {
            throw new NetworkDriverException("Failed to plumb floating IP " + floatingIp.floatingIpAddress()
                    + ": router " + floatingIp.routerId() + " is not plumbed with a gateway on this host");
        }
        records.floatingIp(floatingIp);
        FloatingIpSpec previous = floatingIps.put(floatingIp.floatingIpId(), floatingIp);
        if (previous != null && !previous.routerId().equals(floatingIp.routerId()) && routers.containsKey(previous.routerId())) {
            routing.ensureFloatingIps(routers.get(previous.routerId()), floatingIpsOf(previous.routerId()), this::placement);
        }
        routing.ensureFloatingIps(router, floatingIpsOf(router.routerId()), this::placement);
        return DataPathStatus.ACTIVE;
    }

    @Override
    public synchronized void deleteFloatingIp(String floatingIpId) {
        FloatingIpSpec removed = floatingIps.remove(floatingIpId);
        if (removed != null && routers.containsKey(removed.routerId())) {
            routing.ensureFloatingIps(routers.get(removed.routerId()), floatingIpsOf(removed.routerId()), this::placement);
        }
        // unknown in memory (kumo restarted): the router's next ensure, given only the wanted ones, drops its NAT
        records.forgetFloatingIp(floatingIpId);
    }

    @Override
    public synchronized void ensureSecurityGroup(SecurityGroupSpec group) {
        filters.put(group);
        applyFilters();
    }

    @Override
    public synchronized void deleteSecurityGroup(String groupId) {
        if (filters.remove(groupId)) {
            applyFilters();
        }
    }

    // ---- helpers ----

    private String bridgeOf(NetworkSpec network) {
        var segment = network.segment();
        if (segment.type() == NetworkType.VLAN) {
            throw new NetworkDriverException("Failed to plumb network " + network.networkId()
                    + ": vlan segments are not supported by the Linux driver yet");
        }
        if (segment.physicalNetwork() == null || segment.type() != NetworkType.FLAT) {
            return DeviceNames.bridge(network.networkId());
        }
        String bridge = config.bridgeMappings().get(segment.physicalNetwork());
        if (bridge == null) {
            throw new NetworkDriverException("Failed to plumb network " + network.networkId() + ": physical network "
                    + segment.physicalNetwork() + " has no bridge mapping on this host");
        }
        return bridge;
    }

    private NetworkPlacement placement(String networkId) {
        NetworkPlacement placement = networks.get(networkId);
        if (placement == null) {
            throw RouterPlumbing.unplumbed(networkId);
        }
        return placement;
    }

    /** VM ports get a tap; router and DHCP ports are plugged by the router and DHCP plumbing. */
    private static boolean isTapPort(PortSpec port) {
        return port.bound() && !port.deviceOwner().startsWith("network:");
    }

    private void unplug(String portId) {
        PortSpec port = ports.remove(portId);
        if (port == null || isTapPort(port)) {
            links.deleteLink(null, DeviceNames.tap(portId));
        }
        records.forgetPort(portId);
    }

    private void refreshDhcp(String networkId) {
        NetworkPlacement network = networks.get(networkId);
        if (network == null) {
            return;
        }
        PortSpec dhcpPort = null;
        List<PortSpec> hosts = new java.util.ArrayList<>();
        for (PortSpec port : ports.values()) {
            if (port.networkId().equals(networkId)) {
                if (port.deviceOwner().equals(DHCP_OWNER)) {
                    dhcpPort = port;
                } else {
                    hosts.add(port);
                }
            }
        }
        hosts.sort(java.util.Comparator.comparing(PortSpec::portId));
        dhcp.ensure(network.spec(), network.bridge(), dhcpPort, hosts, routedNetworks().contains(networkId));
    }

    private Set<String> routedNetworks() {
        Set<String> routed = new HashSet<>();
        for (RouterSpec router : routers.values()) {
            router.interfaces().stream().map(RouterLeg::networkId).forEach(routed::add);
        }
        return routed;
    }

    private void refreshRoutedChanges(Set<String> before) {
        Set<String> after = routedNetworks();
        Set<String> changed = new HashSet<>(before);
        changed.addAll(after);
        changed.removeIf(id -> before.contains(id) == after.contains(id));
        changed.forEach(this::refreshDhcp);
    }

    private List<FloatingIpSpec> floatingIpsOf(String routerId) {
        return floatingIps.values().stream().filter(f -> f.routerId().equals(routerId))
                .sorted(java.util.Comparator.comparing(FloatingIpSpec::floatingIpId)).toList();
    }

    private void applyFilters() {
        List<PortSpec> filtered = ports.values().stream().filter(p -> isTapPort(p) && p.portSecurity()).toList();
        Map<String, Integer> zones = new java.util.HashMap<>();
        // tenant bridges only: a mapped bridge such as br-ex may carry the host's own traffic, whose replies
        // must stay in the host's zone
        networks.forEach((id, placement) -> {
            if (placement.bridge().equals(DeviceNames.bridge(id))) {
                zones.put(placement.bridge(), SecurityGroupRuleset.zoneOf(id));
            }
        });
        filters.apply(filtered, ports.values(), zones);
    }

    private static PortState stateOf(PortSpec port, NetworkPlacement network) {
        if (!port.bound()) {
            return PortState.unbound();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("port_filter", port.portSecurity());
        details.put("bridge_name", network.bridge());
        details.put("tap_name", DeviceNames.tap(port.portId()));
        if (!port.adminStateUp() || !network.spec().adminStateUp()) {
            return new PortState(DataPathStatus.DOWN, VIF_TYPE, details,
                    port.adminStateUp() ? "its network is administratively down" : "the port is administratively down");
        }
        return new PortState(DataPathStatus.ACTIVE, VIF_TYPE, details, "");
    }
}
