package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.StandardAttributes;
import java.util.List;

/** A network as Neutron renders it; the provider attributes only for admins (Neutron's policy hides them). */
final class NetworkViews {
    private NetworkViews() {}

    static ObjectNode view(Network n, boolean admin, List<String> availabilityZones) {
        var node = Json.object().put("id", n.id()).put("name", n.name())
                .put("tenant_id", n.projectId()).put("project_id", n.projectId())
                .put("admin_state_up", n.adminStateUp()).put("mtu", n.mtu()).put("status", n.status().name());
        var subnets = node.putArray("subnets");
        n.subnetIds().forEach(subnets::add);
        node.put("shared", n.shared());
        var hints = node.putArray("availability_zone_hints");
        n.availabilityZoneHints().forEach(hints::add);
        var zones = node.putArray("availability_zones");
        availabilityZones.forEach(zones::add);
        node.put("router:external", n.external()).put("port_security_enabled", n.portSecurityEnabled())
                .put("dns_domain", n.dnsDomain());
        if (admin) {
            node.put("provider:network_type", n.segment().networkType())
                    .put("provider:physical_network", n.segment().physicalNetwork());
            if (n.segment().segmentationId() == null) {
                node.putNull("provider:segmentation_id");
            } else {
                node.put("provider:segmentation_id", n.segment().segmentationId());
            }
        }
        standard(node, n.standard());
        return node;
    }

    /** description, tags, created_at, updated_at, revision_number: the same on every resource. */
    static void standard(ObjectNode node, StandardAttributes s) {
        node.put("description", s.description());
        var tags = node.putArray("tags");
        s.tags().forEach(tags::add);
        node.put("created_at", NeutronTime.format(s.createdAt())).put("updated_at", NeutronTime.format(s.updatedAt()))
                .put("revision_number", s.revisionNumber());
    }
}
