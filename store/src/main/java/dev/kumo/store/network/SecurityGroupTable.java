package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.securitygroup.SecurityGroupAttribute;

/** The {@code security_group} table as list queries see it. */
final class SecurityGroupTable implements ResourceTable<SecurityGroupAttribute> {
    static final SecurityGroupTable INSTANCE = new SecurityGroupTable();

    @Override public String table() { return "security_group"; }

    @Override public String alias() { return "g"; }

    @Override public String tagTable() { return "security_group_tag"; }

    @Override
    public Column column(SecurityGroupAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("g.id");
            case NAME -> Column.text("g.name");
            case PROJECT_ID, TENANT_ID -> Column.text("g.project_id");
            case DESCRIPTION -> Column.text("g.description");
            case STATEFUL -> Column.number("g.stateful");
            case REVISION_NUMBER -> Column.number("g.revision_number");
            case CREATED_AT -> Column.number("g.created_at");
            case UPDATED_AT -> Column.number("g.updated_at");
        };
    }

    @Override
    public String visibleToViewer() {
        return "g.project_id = :viewer";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.securityGroupNotFound(marker);
    }
}
