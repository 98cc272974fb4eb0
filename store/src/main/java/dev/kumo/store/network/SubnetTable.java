package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.subnet.SubnetAttribute;

/** The {@code subnet} table as list queries see it. */
final class SubnetTable implements ResourceTable<SubnetAttribute> {
    static final SubnetTable INSTANCE = new SubnetTable();

    @Override public String table() { return "subnet"; }

    @Override public String alias() { return "s"; }

    @Override public String tagTable() { return "subnet_tag"; }

    @Override
    public Column column(SubnetAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("s.id");
            case NAME -> Column.text("s.name");
            case PROJECT_ID, TENANT_ID -> Column.text("s.project_id");
            case DESCRIPTION -> Column.text("s.description");
            case NETWORK_ID -> Column.text("s.network_id");
            case IP_VERSION -> Column.number("s.ip_version");
            case CIDR -> Column.text("s.cidr");
            case GATEWAY_IP -> Column.nullableText("s.gateway_ip");
            case ENABLE_DHCP -> Column.number("s.enable_dhcp");
            case IPV6_RA_MODE -> Column.nullableText("s.ipv6_ra_mode");
            case IPV6_ADDRESS_MODE -> Column.nullableText("s.ipv6_address_mode");
            case SUBNETPOOL_ID -> Column.nullableText("s.subnetpool_id");
            case REVISION_NUMBER -> Column.number("s.revision_number");
            case CREATED_AT -> Column.number("s.created_at");
            case UPDATED_AT -> Column.number("s.updated_at");
        };
    }

    /**
     * A project sees its own subnets and those of shared networks; an external network that is not shared
     * shows its subnets only to its owner (as in Neutron).
     */
    @Override
    public String visibleToViewer() {
        return "(s.project_id = :viewer OR EXISTS (SELECT 1 FROM network vn WHERE vn.id = s.network_id "
                + "AND (vn.shared = TRUE OR vn.project_id = :viewer)))";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.subnetNotFound(marker);
    }
}
