package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.model.network.Subnet;

/** A subnet as Neutron renders it. */
final class SubnetViews {
    private SubnetViews() {}

    static ObjectNode view(Subnet s) {
        var node = Json.object().put("id", s.id()).put("name", s.name())
                .put("tenant_id", s.projectId()).put("project_id", s.projectId()).put("network_id", s.networkId())
                .put("ip_version", s.ipVersion()).putNull("subnetpool_id").put("enable_dhcp", s.enableDhcp())
                .put("ipv6_ra_mode", s.ipv6RaMode()).put("ipv6_address_mode", s.ipv6AddressMode())
                .put("gateway_ip", s.gatewayIp()).put("cidr", s.cidr());
        var pools = node.putArray("allocation_pools");
        s.allocationPools().forEach(p -> pools.addObject().put("start", p.start()).put("end", p.end()));
        var routes = node.putArray("host_routes");
        s.hostRoutes().forEach(r -> routes.addObject().put("destination", r.destination()).put("nexthop", r.nexthop()));
        var dns = node.putArray("dns_nameservers");
        s.dnsNameservers().forEach(dns::add);
        NetworkViews.standard(node, s.standard());
        return node;
    }
}
