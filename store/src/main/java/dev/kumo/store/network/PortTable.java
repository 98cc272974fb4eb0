package dev.kumo.store.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.port.PortAttribute;
import java.util.List;
import java.util.stream.Collectors;

/** The {@code port} table as list queries see it; fixed IPs and security groups match child rows. */
final class PortTable implements ResourceTable<PortAttribute> {
    static final PortTable INSTANCE = new PortTable();

    @Override public String table() { return "port"; }

    @Override public String alias() { return "p"; }

    @Override public String tagTable() { return "port_tag"; }

    @Override
    public Column column(PortAttribute attribute) {
        return switch (attribute) {
            case ID -> Column.text("p.id");
            case NAME -> Column.text("p.name");
            case PROJECT_ID, TENANT_ID -> Column.text("p.project_id");
            case DESCRIPTION -> Column.text("p.description");
            case NETWORK_ID -> Column.text("p.network_id");
            case MAC_ADDRESS -> Column.text("p.mac_address");
            case ADMIN_STATE_UP -> Column.number("p.admin_state_up");
            case STATUS -> Column.text("p.status");
            case DEVICE_ID -> Column.text("p.device_id");
            case DEVICE_OWNER -> Column.text("p.device_owner");
            case PORT_SECURITY_ENABLED -> Column.number("p.port_security_enabled");
            case DNS_NAME -> Column.text("p.dns_name");
            case REVISION_NUMBER -> Column.number("p.revision_number");
            case CREATED_AT -> Column.number("p.created_at");
            case UPDATED_AT -> Column.number("p.updated_at");
            case BINDING_HOST_ID -> Column.text("p.binding_host_id");
            case BINDING_VNIC_TYPE -> Column.text("p.binding_vnic_type");
            case BINDING_VIF_TYPE -> Column.text("p.binding_vif_type");
            case FIXED_IP_ADDRESS, FIXED_IP_SUBNET, FIXED_IP_SUBSTRING, SECURITY_GROUP -> null;
        };
    }

    @Override
    public String filter(PortAttribute attribute, List<String> bindNames) {
        String in = bindNames.stream().map(n -> ":" + n).collect(Collectors.joining(", "));
        return switch (attribute) {
            case FIXED_IP_ADDRESS ->
                    "EXISTS (SELECT 1 FROM ip_allocation a WHERE a.port_id = p.id AND a.ip_address IN (" + in + "))";
            case FIXED_IP_SUBNET ->
                    "EXISTS (SELECT 1 FROM ip_allocation a WHERE a.port_id = p.id AND a.subnet_id IN (" + in + "))";
            case FIXED_IP_SUBSTRING -> "EXISTS (SELECT 1 FROM ip_allocation a WHERE a.port_id = p.id AND ("
                    + bindNames.stream().map(n -> "a.ip_address LIKE :" + n + " ESCAPE '\\'")
                    .collect(Collectors.joining(" OR ")) + "))";
            case SECURITY_GROUP -> "EXISTS (SELECT 1 FROM port_security_group g WHERE g.port_id = p.id "
                    + "AND g.security_group_id IN (" + in + "))";
            default -> throw new IllegalArgumentException(attribute.apiName() + " is a plain column");
        };
    }

    /** A substring of an address, as a LIKE pattern with its wildcards escaped. */
    @Override
    public Object bindValue(PortAttribute attribute, Object value) {
        if (attribute != PortAttribute.FIXED_IP_SUBSTRING) {
            return value;
        }
        String text = value.toString().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + text + "%";
    }

    /** A project sees its own ports and every port on its own networks. */
    @Override
    public String visibleToViewer() {
        return "(p.project_id = :viewer OR EXISTS (SELECT 1 FROM network vn WHERE vn.id = p.network_id "
                + "AND vn.project_id = :viewer))";
    }

    @Override
    public RuntimeException markerNotFound(String marker) {
        return NeutronErrors.portNotFound(marker);
    }
}
