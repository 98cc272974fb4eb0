package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.floatingip.FloatingIpAttribute;

/** The {@code floatingip} table as list queries see it. */
final class FloatingIpTable implements ResourceTable<FloatingIpAttribute> {
    static final FloatingIpTable INSTANCE = new FloatingIpTable();

    @Override public String table() { return "floatingip"; }

    @Override public String alias() { return "f"; }

    @Override public String tagTable() { return "floatingip_tag"; }

    @Override
    public Column column(FloatingIpAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("f.id");
            case PROJECT_ID, TENANT_ID -> Column.text("f.project_id");
            case DESCRIPTION -> Column.text("f.description");
            case FLOATING_NETWORK_ID -> Column.text("f.floating_network_id");
            case FLOATING_IP_ADDRESS -> Column.text("f.floating_ip_address");
            case PORT_ID -> Column.nullableText("f.port_id");
            // Only meaningful while associated: a deleted port leaves them behind (see V6).
            case FIXED_IP_ADDRESS -> Column.nullableText("CASE WHEN f.port_id IS NULL THEN NULL ELSE f.fixed_ip_address END");
            case ROUTER_ID -> Column.nullableText("CASE WHEN f.port_id IS NULL THEN NULL ELSE f.router_id END");
            case STATUS -> Column.text("CASE WHEN f.port_id IS NULL THEN 'DOWN' ELSE f.status END");
            case REVISION_NUMBER -> Column.number("f.revision_number");
            case CREATED_AT -> Column.number("f.created_at");
            case UPDATED_AT -> Column.number("f.updated_at");
        };
    }

    /** Floating IPs are never shared: a project sees its own. */
    @Override
    public String visibleToViewer() {
        return "f.project_id = :viewer";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.floatingIpNotFound(marker);
    }
}
