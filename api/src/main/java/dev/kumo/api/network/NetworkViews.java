package dev.kumo.api.network;

import dev.kumo.model.network.Network;
import dev.kumo.model.network.StandardAttributes;
import java.util.List;

/** A network as Neutron renders it; the provider attributes only for admins (Neutron's policy hides them). */
final class NetworkViews {
    private NetworkViews() {}

    static void write(ViewWriter w, Network n, boolean admin, List<String> availabilityZones) {
        w.string("id", n.id()).string("name", n.name()).string("tenant_id", n.projectId())
                .string("project_id", n.projectId()).bool("admin_state_up", n.adminStateUp()).number("mtu", n.mtu())
                .string("status", n.status().name()).strings("subnets", n.subnetIds()).bool("shared", n.shared())
                .strings("availability_zone_hints", n.availabilityZoneHints())
                .strings("availability_zones", availabilityZones).bool("router:external", n.external())
                .bool("port_security_enabled", n.portSecurityEnabled()).string("dns_domain", n.dnsDomain());
        if (admin) {
            w.string("provider:network_type", n.segment().networkType())
                    .string("provider:physical_network", n.segment().physicalNetwork())
                    .number("provider:segmentation_id", n.segment().segmentationId());
        }
        standard(w, n.standard());
    }

    /** description, tags, created_at, updated_at, revision_number: the same on every resource. */
    static void standard(ViewWriter w, StandardAttributes s) {
        w.string("description", s.description()).strings("tags", s.tags())
                .string("created_at", NeutronTime.format(s.createdAt()))
                .string("updated_at", NeutronTime.format(s.updatedAt())).number("revision_number", s.revisionNumber());
    }
}
