package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.securitygroup.SecurityGroupRuleAttribute;

/** The {@code security_group_rule} table as list queries see it. */
final class SecurityGroupRuleTable implements ResourceTable<SecurityGroupRuleAttribute> {
    static final SecurityGroupRuleTable INSTANCE = new SecurityGroupRuleTable();

    @Override public String table() { return "security_group_rule"; }

    @Override public String alias() { return "sr"; }

    @Override public String tagTable() { return "security_group_rule_tag"; }

    @Override
    public Column column(SecurityGroupRuleAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("sr.id");
            case PROJECT_ID, TENANT_ID -> Column.text("sr.project_id");
            case DESCRIPTION -> Column.text("sr.description");
            case SECURITY_GROUP_ID -> Column.text("sr.security_group_id");
            case DIRECTION -> Column.text("sr.direction");
            case ETHERTYPE -> Column.text("sr.ethertype");
            case PROTOCOL -> Column.nullableText("sr.protocol");
            case PORT_RANGE_MIN -> Column.nullableNumber("sr.port_range_min");
            case PORT_RANGE_MAX -> Column.nullableNumber("sr.port_range_max");
            case REMOTE_IP_PREFIX -> Column.nullableText("sr.remote_ip_prefix");
            case REMOTE_GROUP_ID -> Column.nullableText("sr.remote_group_id");
            case REVISION_NUMBER -> Column.number("sr.revision_number");
            case CREATED_AT -> Column.number("sr.created_at");
            case UPDATED_AT -> Column.number("sr.updated_at");
        };
    }

    /** A project sees its own rules and every rule of its own groups (an admin may have added some). */
    @Override
    public String visibleToViewer() {
        return "(sr.project_id = :viewer OR EXISTS (SELECT 1 FROM security_group vg WHERE vg.id = sr.security_group_id "
                + "AND vg.project_id = :viewer))";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.securityGroupRuleNotFound(marker);
    }
}
