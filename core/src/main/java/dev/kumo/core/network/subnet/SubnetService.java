package dev.kumo.core.network.subnet;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.datapath.DataPathSync;
import dev.kumo.core.network.dhcp.DhcpPorts;
import dev.kumo.core.network.ip.AllocationRanges;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.ipam.Ipam;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.quota.QuotaResource;
import dev.kumo.core.network.quota.QuotaService;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.core.network.subnetpool.SubnetAllocation;
import dev.kumo.core.network.tag.Tags;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.StandardAttributes;
import dev.kumo.model.network.Subnet;
import dev.kumo.model.network.SubnetPool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Neutron's subnet API: validation and persistence in one write transaction, then the network's DHCP. */
public final class SubnetService {
    private final NetworkStore store;
    private final NetworkSettings settings;
    private final QuotaService quotas;
    private final DataPathSync dataPath;
    private final DhcpPorts dhcpPorts;
    private final Clock clock;

    public SubnetService(NetworkStore store, NetworkSettings settings, QuotaService quotas, DataPathSync dataPath,
                         DhcpPorts dhcpPorts, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.dataPath = Objects.requireNonNull(dataPath, "dataPath");
        this.dhcpPorts = Objects.requireNonNull(dhcpPorts, "dhcpPorts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Subnet get(NetworkCaller caller, String id) {
        return store.read(tx -> find(tx, caller, id));
    }

    public List<Subnet> list(NetworkCaller caller, ListQuery<SubnetAttribute> query) {
        return store.read(tx -> tx.subnets().list(query, caller.viewer()));
    }

    public Subnet create(NetworkCaller caller, SubnetRequest in) {
        return createAll(caller, List.of(in)).getFirst();
    }

    /** Creates every subnet or none. */
    public List<Subnet> createAll(NetworkCaller caller, List<SubnetRequest> requests) {
        record Created(Subnet subnet, List<Port> addressed) {}
        List<Port> dhcp = new ArrayList<>();
        List<Created> created = store.write(tx -> {
            dhcp.clear();
            List<Created> out = new ArrayList<>();
            for (SubnetRequest in : requests) {
                Subnet subnet = insert(tx, caller, in);
                out.add(new Created(subnet, addAutoAddresses(tx, subnet)));
            }
            out.stream().map(c -> c.subnet().networkId()).distinct()
                    .forEach(n -> dhcpPorts.converge(tx, n, clock.instant()).ifPresent(dhcp::add));
            return out;
        });
        // the DHCP port first: the network's DHCP service then starts on its address rather than a stand-in
        dataPath.syncPorts(dhcp);
        created.stream().map(c -> c.subnet().networkId()).distinct().forEach(dataPath::syncNetwork);
        created.forEach(c -> dataPath.syncPorts(c.addressed()));
        return store.read(tx -> created.stream().map(c -> tx.subnets().find(c.subnet().id(), Viewer.ALL).orElseThrow()).toList());
    }

    public Subnet update(NetworkCaller caller, String id, SubnetRequest in) {
        List<Port> dhcp = new ArrayList<>();
        Subnet updated = store.write(tx -> {
            dhcp.clear();
            Subnet old = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, old.projectId(), "update_subnet");
            Subnet changed = applyUpdate(tx, old, in);
            tx.subnets().update(changed);
            dhcpPorts.converge(tx, changed.networkId(), clock.instant()).ifPresent(dhcp::add);
            return changed;
        });
        dataPath.syncPorts(dhcp);
        dataPath.syncNetwork(updated.networkId());
        return get(caller, id);
    }

    /**
     * Deletes the subnet. Ports with an address on it keep it alive (409), except DHCP ports and ports on
     * SLAAC/stateless subnets, whose addresses on it are removed, as Neutron does; the DHCP port goes with the
     * network's last DHCP-enabled subnet.
     */
    public void delete(NetworkCaller caller, String id) {
        record Removed(Subnet subnet, List<Port> changed) {}
        Removed removed = store.write(tx -> {
            Subnet subnet = find(tx, caller, id);
            NetworkPolicy.requireOwner(caller, subnet.projectId(), "delete_subnet");
            List<Port> holders = tx.ports().onSubnet(id);
            boolean blocked = holders.stream().anyMatch(p -> NetworkPolicy.ROUTER_OWNERS.contains(p.deviceOwner())
                    || (!subnet.autoAddressed() && !NetworkPolicy.AUTO_DELETED_OWNERS.contains(p.deviceOwner())));
            if (blocked) {
                throw NeutronErrors.conflict("SubnetInUse", "Unable to complete operation on subnet %s: One or more "
                        + "ports have an IP allocation from this subnet.", id);
            }
            List<Port> changed = new ArrayList<>();
            for (Port p : holders) {
                Port without = p.withFixedIps(p.fixedIps().stream().filter(ip -> !ip.subnetId().equals(id)).toList())
                        .withStandard(p.standard().revised(clock.instant()));
                tx.ports().update(without);
                changed.add(without);
            }
            tx.subnets().delete(id);
            dhcpPorts.converge(tx, subnet.networkId(), clock.instant()).ifPresent(changed::add);
            return new Removed(subnet, changed);
        });
        dataPath.syncNetwork(removed.subnet().networkId());
        dataPath.syncPorts(removed.changed());
    }

    private static Subnet find(NetworkTx tx, NetworkCaller caller, String id) {
        return tx.subnets().find(id, caller.viewer()).orElseThrow(() -> NeutronErrors.subnetNotFound(id));
    }

    private Subnet insert(NetworkTx tx, NetworkCaller caller, SubnetRequest in) {
        if (in.networkId() == null) {
            throw NeutronErrors.badRequest("Failed to parse request. Required attribute 'network_id' not specified");
        }
        Network network = tx.networks().find(in.networkId(), caller.viewer())
                .orElseThrow(() -> NeutronErrors.networkNotFound(in.networkId()));
        NetworkPolicy.requireOwner(caller, network.projectId(), "create_subnet");
        String project = NetworkPolicy.owningProject(caller, in.projectId());
        int version = SubnetRules.ipVersion(in.ipVersion());
        var choice = new SubnetAllocation.PoolChoice(in.subnetpoolId(), in.useDefaultSubnetpool(), version, in.cidr(),
                in.prefixlen(), in.allocationPools() != null);
        SubnetPool pool = SubnetAllocation.pool(tx, caller, choice).orElse(null);
        requireSamePool(tx, network, version, pool);
        Cidr cidr = SubnetRules.cidr(pool == null ? in.cidr()
                : SubnetAllocation.allocate(tx, pool, project, choice).toString(), version);
        requireNoOverlap(tx, network, cidr);
        IpAddress gateway = in.gatewayGiven()
                ? (in.gatewayIp() == null ? null : SubnetRules.gateway(cidr, in.gatewayIp()))
                : SubnetRules.defaultGateway(cidr);
        List<IpRange> pools = in.allocationPools() == null ? AllocationRanges.defaults(cidr, gateway)
                : SubnetRules.pools(cidr, in.allocationPools());
        SubnetRules.gatewayOutsidePools(gateway, pools);
        boolean dhcp = in.enableDhcp() == null || in.enableDhcp();
        SubnetRules.dhcpPrefix(cidr, dhcp);
        SubnetRules.ipv6Modes(cidr, in.ipv6RaMode(), in.ipv6AddressMode(), dhcp);
        quotas.require(tx, project, QuotaResource.SUBNET, 1);
        var subnet = new Subnet(UUID.randomUUID().toString(), project, network.id(),
                orEmpty(TextRules.limited("name", in.name())), version, cidr.toString(),
                gateway == null ? null : gateway.toString(), dhcp, in.ipv6RaMode(), in.ipv6AddressMode(),
                SubnetRules.nameservers(version, orEmpty(in.dnsNameservers()), settings.maxDnsNameservers(), "new subnet"),
                SubnetRules.routes(version, orEmpty(in.hostRoutes()), settings.maxHostRoutes(), "new subnet"),
                pools(pools), pool == null ? null : pool.id(),
                StandardAttributes.created(TextRules.limited("description", in.description()),
                        Tags.valid(in.tags()), clock.instant()));
        tx.subnets().insert(subnet);
        return subnet;
    }

    /** Neutron: without address scopes, the subnets of one IP version on a network all come from one pool (or none). */
    private static void requireSamePool(NetworkTx tx, Network network, int version, SubnetPool pool) {
        String poolId = pool == null ? null : pool.id();
        boolean mixed = tx.subnets().ofNetwork(network.id()).stream()
                .anyMatch(s -> s.ipVersion() == version && !Objects.equals(s.subnetpoolId(), poolId));
        if (mixed) {
            throw NeutronErrors.typed(400, "NetworkSubnetPoolAffinityError", "Subnets hosted on the same network must "
                    + "be allocated from the same subnet pool.");
        }
    }

    /** Neutron: the message names the network and must say "overlaps with another subnet" (clients match it). */
    private static void requireNoOverlap(NetworkTx tx, Network network, Cidr cidr) {
        for (Subnet other : tx.subnets().ofNetwork(network.id())) {
            if (Cidr.parse(other.cidr()).overlaps(cidr)) {
                throw NeutronErrors.invalidInput("Requested subnet with cidr: %s for network: %s overlaps with another "
                        + "subnet (%s, %s)", cidr, network.id(), other.id(), other.cidr());
            }
        }
    }

    /** A new SLAAC/stateless subnet gives every existing (non-router) port of the network an address. */
    private List<Port> addAutoAddresses(NetworkTx tx, Subnet subnet) {
        if (!subnet.autoAddressed()) {
            return List.of();
        }
        List<Port> changed = new ArrayList<>();
        for (Port p : tx.ports().ofNetwork(subnet.networkId())) {
            if (NetworkPolicy.ROUTER_OWNERS.contains(p.deviceOwner())) {
                continue;
            }
            FixedIp ip = new Ipam(tx.allocations()).requested(subnet.networkId(), List.of(subnet),
                    List.of(new FixedIpRequest(subnet.id(), null)), List.of(), p.macAddress(), p.deviceOwner(), p.id())
                    .getFirst();
            List<FixedIp> ips = new ArrayList<>(p.fixedIps());
            ips.add(ip);
            Port updated = p.withFixedIps(ips).withStandard(p.standard().revised(clock.instant()));
            tx.ports().update(updated);
            changed.add(updated);
        }
        return changed;
    }

    private Subnet applyUpdate(NetworkTx tx, Subnet old, SubnetRequest in) {
        Cidr cidr = Cidr.parse(old.cidr());
        IpAddress oldGateway = old.gatewayIp() == null ? null : IpAddress.parse(old.gatewayIp());
        IpAddress gateway = !in.gatewayGiven() ? oldGateway
                : in.gatewayIp() == null ? null : SubnetRules.gateway(cidr, in.gatewayIp());
        List<IpRange> pools = newPools(old, cidr, in.allocationPools());
        if (in.allocationPools() != null || !Objects.equals(gateway, oldGateway)) {
            SubnetRules.gatewayOutsidePools(gateway, pools);
        }
        if (gateway != null && !gateway.equals(oldGateway)) {
            // the DHCP port's address does not count: the DHCP port moves off the new gateway below
            tx.allocations().holder(old.id(), gateway).filter(port -> !dhcpPorts.owns(tx, port)).ifPresent(port -> {
                throw NeutronErrors.conflict("IpAddressInUse", "Unable to complete operation for network %s. The IP "
                        + "address %s is in use (by port %s), so it cannot become the gateway.", old.networkId(), gateway, port);
            });
        }
        boolean dhcp = in.enableDhcp() == null ? old.enableDhcp() : in.enableDhcp();
        if (dhcp && !old.enableDhcp()) {
            SubnetRules.dhcpPrefix(cidr, true);
        }
        if (!dhcp && (old.ipv6RaMode() != null || old.ipv6AddressMode() != null)) {
            throw NeutronErrors.invalidInput("Cannot disable enable_dhcp with ipv6 attributes set");
        }
        StandardAttributes standard = old.standard().revised(clock.instant());
        if (in.description() != null) {
            standard = standard.withDescription(TextRules.limited("description", in.description()));
        }
        return new Subnet(old.id(), old.projectId(), old.networkId(),
                in.name() == null ? old.name() : TextRules.limited("name", in.name()), old.ipVersion(), old.cidr(),
                gateway == null ? null : gateway.toString(), dhcp, old.ipv6RaMode(), old.ipv6AddressMode(),
                in.dnsNameservers() == null ? old.dnsNameservers()
                        : SubnetRules.nameservers(old.ipVersion(), in.dnsNameservers(), settings.maxDnsNameservers(), old.id()),
                in.hostRoutes() == null ? old.hostRoutes()
                        : SubnetRules.routes(old.ipVersion(), in.hostRoutes(), settings.maxHostRoutes(), old.id()),
                pools(pools), old.subnetpoolId(), standard);
    }

    /**
     * The pools after an update: the requested ones, else the current ones. A gateway moved into the current
     * pools is refused (409 "Gateway ip ... conflicts with allocation pool ..."), as Neutron does and as the
     * source documents' walkthrough expects: the user must give new pools with the new gateway.
     */
    private static List<IpRange> newPools(Subnet old, Cidr cidr, List<AllocationPool> requested) {
        if (requested != null) {
            return SubnetRules.pools(cidr, requested);
        }
        return old.allocationPools().stream()
                .map(p -> new IpRange(IpAddress.parse(p.start()), IpAddress.parse(p.end()))).toList();
    }

    private static List<AllocationPool> pools(List<IpRange> ranges) {
        return ranges.stream().map(r -> new AllocationPool(r.first().toString(), r.last().toString())).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
