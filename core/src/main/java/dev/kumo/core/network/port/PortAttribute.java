package dev.kumo.core.network.port;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.ValueType;
import java.util.Arrays;
import java.util.Optional;

/**
 * The attributes a port list can filter and sort on. The {@code FIXED_IP_*} and {@code SECURITY_GROUP}
 * entries are the parts of {@code fixed_ips=ip_address=...}, {@code fixed_ips=subnet_id=...},
 * {@code fixed_ips=ip_address_substr=...} and {@code security_groups=...}: matched against the port's
 * list members.
 */
public enum PortAttribute implements Attribute {
    ID("id", ValueType.STRING, true, true, false),
    NAME("name", ValueType.STRING, true, true, false),
    PROJECT_ID("project_id", ValueType.STRING, true, true, false),
    TENANT_ID("tenant_id", ValueType.STRING, true, true, false),
    DESCRIPTION("description", ValueType.STRING, true, true, false),
    NETWORK_ID("network_id", ValueType.STRING, true, true, false),
    MAC_ADDRESS("mac_address", ValueType.STRING, true, true, false),
    ADMIN_STATE_UP("admin_state_up", ValueType.BOOLEAN, true, true, false),
    STATUS("status", ValueType.STRING, true, true, false),
    DEVICE_ID("device_id", ValueType.STRING, true, true, false),
    DEVICE_OWNER("device_owner", ValueType.STRING, true, true, false),
    PORT_SECURITY_ENABLED("port_security_enabled", ValueType.BOOLEAN, true, true, false),
    DNS_NAME("dns_name", ValueType.STRING, true, true, false),
    REVISION_NUMBER("revision_number", ValueType.INTEGER, true, true, false),
    CREATED_AT("created_at", ValueType.STRING, false, true, false),
    UPDATED_AT("updated_at", ValueType.STRING, false, true, false),
    BINDING_HOST_ID("binding:host_id", ValueType.STRING, true, true, true),
    BINDING_VNIC_TYPE("binding:vnic_type", ValueType.STRING, true, true, false),
    BINDING_VIF_TYPE("binding:vif_type", ValueType.STRING, true, true, true),
    FIXED_IP_ADDRESS("fixed_ips:ip_address", ValueType.STRING, true, false, false),
    FIXED_IP_SUBNET("fixed_ips:subnet_id", ValueType.STRING, true, false, false),
    FIXED_IP_SUBSTRING("fixed_ips:ip_address_substr", ValueType.STRING, true, false, false),
    SECURITY_GROUP("security_groups", ValueType.STRING, true, false, false);

    private final String apiName;
    private final ValueType type;
    private final boolean filterable;
    private final boolean sortable;
    private final boolean adminOnly;

    PortAttribute(String apiName, ValueType type, boolean filterable, boolean sortable, boolean adminOnly) {
        this.apiName = apiName;
        this.type = type;
        this.filterable = filterable;
        this.sortable = sortable;
        this.adminOnly = adminOnly;
    }

    public static Optional<PortAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    @Override public String apiName() { return apiName; }
    @Override public ValueType type() { return type; }
    @Override public boolean filterable() { return filterable; }
    @Override public boolean sortable() { return sortable; }
    @Override public boolean adminOnly() { return adminOnly; }
}
