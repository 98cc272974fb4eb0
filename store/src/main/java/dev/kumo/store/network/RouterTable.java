package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.router.RouterAttribute;

/** The {@code router} table as list queries see it. */
final class RouterTable implements ResourceTable<RouterAttribute> {
    static final RouterTable INSTANCE = new RouterTable();

    @Override public String table() { return "router"; }

    @Override public String alias() { return "r"; }

    @Override public String tagTable() { return "router_tag"; }

    @Override
    public Column column(RouterAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("r.id");
            case NAME -> Column.text("r.name");
            case PROJECT_ID, TENANT_ID -> Column.text("r.project_id");
            case DESCRIPTION -> Column.text("r.description");
            case ADMIN_STATE_UP -> Column.number("r.admin_state_up");
            case STATUS -> Column.text("r.status");
            case REVISION_NUMBER -> Column.number("r.revision_number");
            case CREATED_AT -> Column.number("r.created_at");
            case UPDATED_AT -> Column.number("r.updated_at");
        };
    }

    /** Routers are never shared: a project sees its own. */
    @Override
    public String visibleToViewer() {
        return "r.project_id = :viewer";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.routerNotFound(marker);
    }
}
