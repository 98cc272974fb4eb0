package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.datapath.DriverSpecs;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Port;

/**
 * A port as Neutron renders it. {@code binding:host_id}, {@code binding:profile}, {@code binding:vif_type} and
 * {@code binding:vif_details} only for admins, as Neutron's default policy has it.
 */
final class PortViews {
    private PortViews() {}

    static ObjectNode view(Port p, boolean admin, String dnsDomain) {
        var node = Json.object().put("id", p.id()).put("name", p.name()).put("network_id", p.networkId())
                .put("tenant_id", p.projectId()).put("project_id", p.projectId()).put("mac_address", p.macAddress())
                .put("admin_state_up", p.adminStateUp()).put("status", p.status().name())
                .put("device_id", p.deviceId()).put("device_owner", p.deviceOwner());
        var ips = node.putArray("fixed_ips");
        p.fixedIps().forEach(ip -> ips.addObject().put("subnet_id", ip.subnetId()).put("ip_address", ip.ipAddress()));
        var pairs = node.putArray("allowed_address_pairs");
        p.security().allowedAddressPairs().forEach(a -> pairs.addObject().put("ip_address", a.ipAddress())
                .put("mac_address", a.macAddress()));
        var groups = node.putArray("security_groups");
        p.security().securityGroupIds().forEach(groups::add);
        node.put("port_security_enabled", p.security().enabled()).put("dns_name", p.dnsName());
        var assignment = node.putArray("dns_assignment");
        String hostname = DriverSpecs.hostname(p);
        for (FixedIp ip : p.fixedIps()) {
            String host = p.dnsName().isEmpty() ? "host-" + ip.ipAddress().replace('.', '-').replace(':', '-') : hostname;
            assignment.addObject().put("ip_address", ip.ipAddress()).put("hostname", host).put("fqdn", host + "." + dnsDomain);
        }
        node.put("binding:vnic_type", p.binding().vnicType());
        if (admin) {
            node.put("binding:host_id", p.binding().hostId());
            node.set("binding:profile", Json.MAPPER.valueToTree(p.binding().profile()));
            node.put("binding:vif_type", p.binding().vifType());
            node.set("binding:vif_details", Json.MAPPER.valueToTree(p.binding().vifDetails()));
        }
        NetworkViews.standard(node, p.standard());
        return node;
    }
}
