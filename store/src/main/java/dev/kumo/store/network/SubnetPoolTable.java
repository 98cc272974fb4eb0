package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.subnetpool.SubnetPoolAttribute;

/** The {@code subnetpool} table as list queries see it. */
final class SubnetPoolTable implements ResourceTable<SubnetPoolAttribute> {
    static final SubnetPoolTable INSTANCE = new SubnetPoolTable();

    @Override public String table() { return "subnetpool"; }

    @Override public String alias() { return "sp"; }

    @Override public String tagTable() { return "subnetpool_tag"; }

    @Override
    public Column column(SubnetPoolAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("sp.id");
            case NAME -> Column.text("sp.name");
            case PROJECT_ID, TENANT_ID -> Column.text("sp.project_id");
            case DESCRIPTION -> Column.text("sp.description");
            case IP_VERSION -> Column.number("sp.ip_version");
            case MIN_PREFIXLEN -> Column.number("sp.min_prefixlen");
            case MAX_PREFIXLEN -> Column.number("sp.max_prefixlen");
            case DEFAULT_PREFIXLEN -> Column.number("sp.default_prefixlen");
            case DEFAULT_QUOTA -> Column.nullableNumber("sp.default_quota");
            case SHARED -> Column.number("sp.shared");
            case IS_DEFAULT -> Column.number("sp.is_default");
            case ADDRESS_SCOPE_ID -> Column.nullableText("sp.address_scope_id");
            case REVISION_NUMBER -> Column.number("sp.revision_number");
            case CREATED_AT -> Column.number("sp.created_at");
            case UPDATED_AT -> Column.number("sp.updated_at");
        };
    }

    /** A project sees its own pools and the shared ones. */
    @Override
    public String visibleToViewer() {
        return "(sp.project_id = :viewer OR sp.shared = TRUE)";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.subnetPoolNotFound(marker);
    }
}
