package dev.kumo.api.network;

import dev.kumo.core.network.datapath.DriverSpecs;
import dev.kumo.model.network.FixedIp;
import dev.kumo.model.network.Port;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A port as Neutron renders it. {@code binding:host_id}, {@code binding:profile}, {@code binding:vif_type} and
 * {@code binding:vif_details} only for admins, as Neutron's default policy has it.
 */
final class PortViews {
    private PortViews() {}

    static void write(ViewWriter w, Port p, boolean admin, String dnsDomain) {
        w.string("id", p.id()).string("name", p.name()).string("network_id", p.networkId())
                .string("tenant_id", p.projectId()).string("project_id", p.projectId())
                .string("mac_address", p.macAddress()).bool("admin_state_up", p.adminStateUp())
                .string("status", p.status().name()).string("device_id", p.deviceId())
                .string("device_owner", p.deviceOwner())
                .objects("fixed_ips", p.fixedIps().stream()
                        .map(ip -> SubnetViews.orderedPair("subnet_id", ip.subnetId(), "ip_address", ip.ipAddress())).toList())
                .objects("allowed_address_pairs", p.security().allowedAddressPairs().stream()
                        .map(a -> SubnetViews.orderedPair("ip_address", a.ipAddress(), "mac_address", a.macAddress())).toList())
                .strings("security_groups", p.security().securityGroupIds())
                .bool("port_security_enabled", p.security().enabled()).string("dns_name", p.dnsName())
                .objects("dns_assignment", dnsAssignment(p, dnsDomain))
                .string("binding:vnic_type", p.binding().vnicType());
        if (admin) {
            w.string("binding:host_id", p.binding().hostId()).map("binding:profile", p.binding().profile())
                    .string("binding:vif_type", p.binding().vifType()).map("binding:vif_details", p.binding().vifDetails());
        }
        NetworkViews.standard(w, p.standard());
    }

    /** Neutron's dns_assignment: the name each address answers to (the DNS name, else host-10-0-0-5). */
    private static List<Map<String, String>> dnsAssignment(Port p, String dnsDomain) {
        List<Map<String, String>> out = new ArrayList<>(p.fixedIps().size());
        String named = DriverSpecs.hostname(p);
        for (FixedIp ip : p.fixedIps()) {
            String host = p.dnsName().isEmpty() ? "host-" + ip.ipAddress().replace('.', '-').replace(':', '-') : named;
            Map<String, String> entry = new LinkedHashMap<>(4);
            entry.put("ip_address", ip.ipAddress());
            entry.put("hostname", host);
            entry.put("fqdn", host + "." + dnsDomain);
            out.add(entry);
        }
        return out;
    }
}
