package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.network.NetworkAttribute;

/** The {@code network} table as list queries see it. */
final class NetworkTable implements ResourceTable<NetworkAttribute> {
    static final NetworkTable INSTANCE = new NetworkTable();

    @Override public String table() { return "network"; }

    @Override public String alias() { return "n"; }

    @Override public String tagTable() { return "network_tag"; }

    @Override
    public Column column(NetworkAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("n.id");
            case NAME -> Column.text("n.name");
            case PROJECT_ID, TENANT_ID -> Column.text("n.project_id");
            case DESCRIPTION -> Column.text("n.description");
            case ADMIN_STATE_UP -> Column.number("n.admin_state_up");
            case SHARED -> Column.number("n.shared");
            case EXTERNAL -> Column.number("n.external");
            case STATUS -> Column.text("n.status");
            case MTU -> Column.number("n.mtu");
            case PORT_SECURITY_ENABLED -> Column.number("n.port_security_enabled");
            case DNS_DOMAIN -> Column.text("n.dns_domain");
            case REVISION_NUMBER -> Column.number("n.revision_number");
            case CREATED_AT -> Column.number("n.created_at");
            case UPDATED_AT -> Column.number("n.updated_at");
            case NETWORK_TYPE -> Column.text("n.network_type");
            case PHYSICAL_NETWORK -> Column.nullableText("n.physical_network");
            case SEGMENTATION_ID -> Column.nullableNumber("n.segmentation_id");
        };
    }

    /** A project sees its own networks and every shared or external one. */
    @Override
    public String visibleToViewer() {
        return "(n.project_id = :viewer OR n.shared = TRUE OR n.external = TRUE)";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.networkNotFound(marker);
    }
}
