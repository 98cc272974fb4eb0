package dev.kumo.api.network;

import dev.kumo.model.network.SecurityGroup;
import dev.kumo.model.network.SecurityGroupRule;
import java.util.LinkedHashMap;
import java.util.Map;

/** Security groups and rules as Neutron renders them. */
final class SecurityGroupViews {
    private SecurityGroupViews() {}

    static void write(ViewWriter w, SecurityGroup g) {
        w.string("id", g.id()).string("name", g.name()).string("tenant_id", g.projectId())
                .string("project_id", g.projectId()).bool("stateful", g.stateful())
                .json("security_group_rules", g.rules().stream().map(SecurityGroupViews::rule).toList());
        NetworkViews.standard(w, g.standard());
    }

    static void writeRule(ViewWriter w, SecurityGroupRule r) {
        rule(r).forEach((k, v) -> w.json(k, v));
    }

    private static Map<String, Object> rule(SecurityGroupRule r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", r.id());
        m.put("tenant_id", r.projectId());
        m.put("project_id", r.projectId());
        m.put("security_group_id", r.securityGroupId());
        m.put("direction", r.direction());
        m.put("ethertype", r.ethertype());
        m.put("protocol", r.protocol());
        m.put("port_range_min", r.portRangeMin());
        m.put("port_range_max", r.portRangeMax());
        m.put("remote_ip_prefix", r.remoteIpPrefix());
        m.put("remote_group_id", r.remoteGroupId());
        m.put("remote_address_group_id", null);
        m.put("normalized_cidr", r.remoteIpPrefix() != null ? r.remoteIpPrefix() : null);
        m.put("description", r.standard().description());
        m.put("tags", r.standard().tags());
        m.put("created_at", NeutronTime.format(r.standard().createdAt()));
        m.put("updated_at", NeutronTime.format(r.standard().updatedAt()));
        m.put("revision_number", r.standard().revisionNumber());
        return m;
    }
}
