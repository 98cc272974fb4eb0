package dev.kumo.core.network.subnet;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ip.AllocationRanges;
import dev.kumo.core.network.ip.Cidr;
import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.HostRoute;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Neutron's subnet validations, each with Neutron's error type and wording. Pure functions. */
public final class SubnetRules {
    public static final List<String> IPV6_MODES = List.of("dhcpv6-stateful", "dhcpv6-stateless", "slaac");

    private SubnetRules() {}

    public static int ipVersion(Integer version) {
        if (version == null) {
            throw NeutronErrors.badRequest("Failed to parse request. Required attribute 'ip_version' not specified");
        }
        if (version != 4 && version != 6) {
            throw NeutronErrors.invalidAttribute("ip_version", version + " is not in [4, 6]");
        }
        return version;
    }

    /** The normalised CIDR, of the right version, not /0. */
    public static Cidr cidr(String text, int version) {
        if (text == null) {
            throw NeutronErrors.badResourceRequest("subnets", "A cidr must be specified in the absence of a subnet pool");
        }
        Cidr cidr = Cidr.tryParse(text).orElseThrow(() ->
                NeutronErrors.invalidAttribute("cidr", "'" + text + "' is not a valid IP subnet"));
        if (cidr.prefixLength() == 0) {
            throw NeutronErrors.invalidInput("0 is not allowed as CIDR prefix length");
        }
        if (cidr.version() != version) {
            throw NeutronErrors.invalidInput("cidr '%s' does not match the ip_version '%d'", text, version);
        }
        return cidr;
    }

    /**
     * The gateway: valid and of the subnet's version. It may lie outside the CIDR (Neutron cannot know the
     * gateway's own subnet then); inside, it may be neither the network nor the IPv4 broadcast address.
     */
    public static IpAddress gateway(Cidr cidr, String text) {
        IpAddress gateway = IpAddress.tryParse(text).orElseThrow(() ->
                NeutronErrors.invalidAttribute("gateway_ip", "'" + text + "' is not a valid IP address"));
        if (gateway.version() != cidr.version()) {
            throw NeutronErrors.invalidInput("gateway_ip '%s' does not match the ip_version '%d'", text, cidr.version());
        }
        if (cidr.contains(gateway) && (gateway.equals(cidr.first())
                || (cidr.version() == 4 && cidr.prefixLength() < 31 && gateway.equals(cidr.last())))) {
            throw NeutronErrors.invalidInput("Gateway is not valid on subnet");
        }
        return gateway;
    }

    /** The subnet's default gateway: its first host address. */
    public static IpAddress defaultGateway(Cidr cidr) {
        return cidr.first().plus(1);
    }

    /** Pools as asked for: valid ranges of the subnet's version, inside it, not overlapping one another. */
    public static List<IpRange> pools(Cidr cidr, List<AllocationPool> pools) {
        IpRange bounds = AllocationRanges.poolBounds(cidr);
        List<IpRange> ranges = new ArrayList<>();
        for (AllocationPool pool : pools) {
            IpAddress start = poolAddress(pool.start());
            IpAddress end = poolAddress(pool.end());
            if (start.version() != cidr.version() || end.version() != cidr.version() || end.lessThan(start)) {
                throw NeutronErrors.invalidAttribute("allocation_pools", "The allocation pool " + pool + " is not valid");
            }
            IpRange range = new IpRange(start, end);
            if (start.lessThan(bounds.first()) || bounds.last().lessThan(end)) {
                throw NeutronErrors.typed(400, "OutOfBoundsAllocationPool",
                        "The allocation pool %s spans beyond the subnet cidr %s.", range, cidr);
            }
            for (IpRange other : ranges) {
                if (other.overlaps(range)) {
                    throw NeutronErrors.conflict("OverlappingAllocationPools",
                            "Found overlapping allocation pools: %s %s for subnet %s.", other, range, cidr);
                }
            }
            ranges.add(range);
        }
        return ranges;
    }

    private static IpAddress poolAddress(String text) {
        return IpAddress.tryParse(text).orElseThrow(() ->
                NeutronErrors.invalidAttribute("allocation_pools", "'" + text + "' is not a valid IP address"));
    }

    /** 409 naming the pool when the gateway lies in one. */
    public static void gatewayOutsidePools(IpAddress gateway, List<IpRange> pools) {
        if (gateway == null) {
            return;
        }
        for (IpRange pool : pools) {
            if (pool.contains(gateway)) {
                throw NeutronErrors.conflict("GatewayConflictWithAllocationPools",
                        "Gateway ip %s conflicts with allocation pool %s.", gateway, pool);
            }
        }
    }

    public static List<String> nameservers(int version, List<String> servers, int max, String subnet) {
        if (servers.size() > max) {
            throw NeutronErrors.typed(400, "DNSNameServersExhausted", "Unable to complete operation for %s. The "
                    + "number of DNS nameservers exceeds the limit %d.", subnet, max);
        }
        Set<IpAddress> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String server : servers) {
            IpAddress ip = IpAddress.tryParse(server)
                    .orElseThrow(() -> NeutronErrors.invalidInput("Error parsing dns address %s", server));
            if (ip.version() != version) {
                throw NeutronErrors.invalidInput("dns_nameserver '%s' does not match the ip_version '%d'", server, version);
            }
            if (!seen.add(ip)) {
                throw NeutronErrors.invalidAttribute("dns_nameservers", "Duplicate nameserver '" + server + "'");
            }
            out.add(ip.toString());
        }
        return out;
    }

    public static List<HostRoute> routes(int version, List<HostRoute> routes, int max, String subnet) {
        if (routes.size() > max) {
            throw NeutronErrors.typed(400, "HostRoutesExhausted", "Unable to complete operation for %s. The number "
                    + "of host routes exceeds the limit %d.", subnet, max);
        }
        Set<HostRoute> seen = new HashSet<>();
        List<HostRoute> out = new ArrayList<>();
        for (HostRoute route : routes) {
            var destination = Cidr.tryParse(route.destination());
            var nexthop = IpAddress.tryParse(route.nexthop());
            if (destination.isEmpty() || nexthop.isEmpty()) {
                throw NeutronErrors.invalidInput("Invalid route: {'destination': '%s', 'nexthop': '%s'}",
                        route.destination(), route.nexthop());
            }
            if (destination.get().version() != version || nexthop.get().version() != version) {
                throw NeutronErrors.invalidInput("host route %s via %s does not match the ip_version '%d'",
                        route.destination(), route.nexthop(), version);
            }
            HostRoute normalised = new HostRoute(destination.get().toString(), nexthop.get().toString());
            if (!seen.add(normalised)) {
                throw NeutronErrors.invalidAttribute("host_routes", "Duplicate hostroute '" + route.destination() + "'");
            }
            out.add(normalised);
        }
        return out;
    }

    /** Neutron's checks of the IPv6 modes (values, IPv4, DHCP, agreement, /64 for automatic addresses). */
    public static void ipv6Modes(Cidr cidr, String raMode, String addressMode, boolean dhcp) {
        mode("ipv6_ra_mode", raMode);
        mode("ipv6_address_mode", addressMode);
        if (cidr.version() == 4) {
            if (raMode != null) {
                throw NeutronErrors.invalidInput("ipv6_ra_mode is not valid when ip_version is 4");
            }
            if (addressMode != null) {
                throw NeutronErrors.invalidInput("ipv6_address_mode is not valid when ip_version is 4");
            }
            return;
        }
        if ((raMode != null || addressMode != null) && !dhcp) {
            throw NeutronErrors.invalidInput("ipv6_ra_mode or ipv6_address_mode cannot be set when enable_dhcp is set to False");
        }
        if (raMode != null && addressMode != null && !raMode.equals(addressMode)) {
            throw NeutronErrors.invalidInput("ipv6_ra_mode set to '%s' with ipv6_address_mode set to '%s' is not valid. "
                    + "If both attributes are set, they must be the same value", raMode, addressMode);
        }
        boolean auto = isAuto(raMode) || isAuto(addressMode);
        if (auto && cidr.prefixLength() != 64) {
            throw NeutronErrors.invalidInput("Invalid CIDR %s for IPv6 address mode. OpenStack uses the EUI-64 address "
                    + "format, which requires the prefix to be /64", cidr);
        }
    }

    private static boolean isAuto(String mode) {
        return "slaac".equals(mode) || "dhcpv6-stateless".equals(mode);
    }

    private static void mode(String attribute, String value) {
        if (value != null && !IPV6_MODES.contains(value)) {
            throw NeutronErrors.invalidAttribute(attribute, "'" + value + "' is not in " + IPV6_MODES);
        }
    }

    /** DHCP needs room for a server: at most /30 for IPv4, /126 for IPv6. */
    public static void dhcpPrefix(Cidr cidr, boolean dhcp) {
        if (dhcp && cidr.prefixLength() > (cidr.version() == 4 ? 30 : 126)) {
            throw NeutronErrors.invalidInput("Subnet has a prefix length that is incompatible with DHCP service enabled");
        }
    }
}
