package dev.kumo.core.network.ipam;

import dev.kumo.core.network.NetworkPolicy;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import dev.kumo.core.network.ip.MacAddress;
import dev.kumo.core.network.store.AllocationRepository;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Subnet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a port's addresses, as Neutron's IPAM does: without a request, one IPv4 address from the first IPv4
 * subnet with room, one IPv6 address from the first stateful IPv6 subnet with room, and an EUI-64 address on
 * every SLAAC/stateless subnet; with a request, exactly what it names. Free addresses are taken lowest first
 * from the subnet's allocation pools; an explicit address may be anywhere in the subnet except its network
 * (and IPv4 broadcast) address. Runs inside the port's write transaction.
 */
public final class Ipam {
    private final AllocationRepository allocations;

    public Ipam(AllocationRepository allocations) {
        this.allocations = allocations;
    }

    /** Addresses for a new port that asked for none in particular. */
    public List<FixedIp> automatic(String networkId, List<Subnet> subnets, String mac, String deviceOwner) {
        List<FixedIp> out = new ArrayList<>();
        Set<IpAddress> pending = new HashSet<>();
        List<Subnet> v4 = subnets.stream().filter(s -> s.ipVersion() == 4).toList();
        List<Subnet> v6Stateful = subnets.stream().filter(s -> s.ipVersion() == 6 && !s.autoAddressed()).toList();
        for (List<Subnet> group : List.of(v4, v6Stateful)) {
            if (group.isEmpty()) {
                continue;
            }
            FixedIp ip = group.stream().map(s -> lowestFree(s, pending)).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> NeutronErrors.conflict("IpAddressGenerationFailure",
                            "No more IP addresses available on network %s.", networkId));
            out.add(ip);
            pending.add(IpAddress.parse(ip.ipAddress()));
        }
        for (Subnet s : subnets) {
            if (s.autoAddressed() && !NetworkPolicy.ROUTER_OWNERS.contains(deviceOwner)) {
                out.add(eui64(s, mac, null));
            }
        }
        return out;
    }

    /**
     * Exactly the requested addresses. {@code current} are the port's addresses before an update (empty for a
     * new port): requested again, they are kept rather than re-allocated.
     */
    public List<FixedIp> requested(String networkId, List<Subnet> subnets, List<FixedIpRequest> requests,
                                   List<FixedIp> current, String mac, String deviceOwner, String portId) {
        List<FixedIp> out = new ArrayList<>();
        Set<IpAddress> pending = new HashSet<>();
        List<FixedIp> reusable = new ArrayList<>(current);
        for (FixedIpRequest request : requests) {
            FixedIp ip = request.ipAddress() != null
                    ? explicit(networkId, subnets, request, deviceOwner, portId, pending)
                    : bySubnet(networkId, subnet(networkId, subnets, request.subnetId()), reusable, pending, mac, portId);
            reusable.removeIf(c -> c.equals(ip));
            pending.add(IpAddress.parse(ip.ipAddress()));
            out.add(ip);
        }
        return out;
    }

    private FixedIp explicit(String networkId, List<Subnet> subnets, FixedIpRequest request, String deviceOwner,
                             String portId, Set<IpAddress> pending) {
        IpAddress ip = IpAddress.tryParse(request.ipAddress()).orElseThrow(() ->
                NeutronErrors.invalidAttribute("fixed_ips", "'" + request.ipAddress() + "' is not a valid IP address"));
        Subnet subnet = request.subnetId() != null ? subnet(networkId, subnets, request.subnetId())
                : subnets.stream().filter(s -> Cidr.parse(s.cidr()).contains(ip)).findFirst().orElseThrow(() ->
                        NeutronErrors.typed(400, "InvalidIpForNetwork", "IP address %s is not a valid IP for any of "
                                + "the subnets on the specified network.", request.ipAddress()));
        if (!Cidr.parse(subnet.cidr()).usableHost(ip)) {
            throw NeutronErrors.typed(400, "InvalidIpForSubnet",
                    "IP address %s is not a valid IP for the specified subnet.", request.ipAddress());
        }
        if (subnet.autoAddressed() && !NetworkPolicy.ROUTER_OWNERS.contains(deviceOwner)) {
            throw NeutronErrors.invalidInput("IPv6 address %s cannot be directly assigned to a port on subnet %s as the "
                    + "subnet is configured for automatic addresses", ip, subnet.id());
        }
        if (pending.contains(ip)) {
            throw NeutronErrors.invalidAttribute("fixed_ips", "Duplicate IP address '" + ip + "'");
        }
        requireFree(subnet, ip, portId);
        return new FixedIp(subnet.id(), ip.toString());
    }

    private FixedIp bySubnet(String networkId, Subnet subnet, List<FixedIp> reusable, Set<IpAddress> pending,
                             String mac, String portId) {
        if (subnet.autoAddressed()) {
            return eui64(subnet, mac, portId);
        }
        Optional<FixedIp> kept = reusable.stream().filter(c -> c.subnetId().equals(subnet.id())).findFirst();
        if (kept.isPresent()) {
            return kept.get();
        }
        return lowestFree(subnet, pending).orElseThrow(() -> NeutronErrors.conflict("IpAddressGenerationFailure",
                "No more IP addresses available for subnet %s.", subnet.id()));
    }

    private Optional<FixedIp> lowestFree(Subnet subnet, Set<IpAddress> pending) {
        for (AllocationPool pool : subnet.allocationPools()) {
            IpRange range = new IpRange(IpAddress.parse(pool.start()), IpAddress.parse(pool.end()));
            Optional<IpAddress> free = allocations.lowestFree(subnet.id(), range, pending);
            if (free.isPresent()) {
                return Optional.of(new FixedIp(subnet.id(), free.get().toString()));
            }
        }
        return Optional.empty();
    }

    /** The SLAAC address: the subnet's /64 prefix and the MAC's modified EUI-64 interface id. */
    private FixedIp eui64(Subnet subnet, String mac, String portId) {
        Cidr cidr = Cidr.parse(subnet.cidr());
        BigInteger interfaceId = new BigInteger(Long.toUnsignedString(MacAddress.eui64InterfaceId(mac)));
        IpAddress ip = IpAddress.of(6, cidr.first().value().or(interfaceId));
        requireFree(subnet, ip, portId);
        return new FixedIp(subnet.id(), ip.toString());
    }

    private void requireFree(Subnet subnet, IpAddress ip, String portId) {
        Optional<String> holder = allocations.holder(subnet.id(), ip);
        if (holder.isPresent() && !holder.get().equals(portId)) {
            throw NeutronErrors.conflict("IpAddressAlreadyAllocated", "IP address %s already allocated in subnet %s",
                    ip, subnet.id());
        }
    }

    private static Subnet subnet(String networkId, List<Subnet> subnets, String subnetId) {
        return subnets.stream().filter(s -> s.id().equals(subnetId)).findFirst().orElseThrow(() ->
                NeutronErrors.invalidInput("Failed to create port on network %s, because fixed_ips included invalid "
                        + "subnet %s", networkId, subnetId));
    }
}
