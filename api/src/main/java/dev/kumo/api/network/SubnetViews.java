package dev.kumo.api.network;

import dev.kumo.model.network.Subnet;
import java.util.LinkedHashMap;
import java.util.Map;

/** A subnet as Neutron renders it. */
final class SubnetViews {
    private SubnetViews() {}

    static void write(ViewWriter w, Subnet s) {
        w.string("id", s.id()).string("name", s.name()).string("tenant_id", s.projectId())
                .string("project_id", s.projectId()).string("network_id", s.networkId()).number("ip_version", s.ipVersion())
                .string("subnetpool_id", s.subnetpoolId()).bool("enable_dhcp", s.enableDhcp()).string("ipv6_ra_mode", s.ipv6RaMode())
                .string("ipv6_address_mode", s.ipv6AddressMode()).string("gateway_ip", s.gatewayIp())
                .string("cidr", s.cidr())
                .objects("allocation_pools", s.allocationPools().stream()
                        .map(p -> orderedPair("start", p.start(), "end", p.end())).toList())
                .objects("host_routes", s.hostRoutes().stream()
                        .map(r -> orderedPair("destination", r.destination(), "nexthop", r.nexthop())).toList())
                .strings("dns_nameservers", s.dnsNameservers());
        NetworkViews.standard(w, s.standard());
    }

    /** A two-attribute object that keeps its order ({@code Map.of} would not). */
    static Map<String, String> orderedPair(String k1, String v1, String k2, String v2) {
        var map = new LinkedHashMap<String, String>(4);
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
