package dev.kumo.core.network.network;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.ValueType;
import java.util.Arrays;
import java.util.Optional;

/** The attributes a network list can filter and sort on. */
public enum NetworkAttribute implements Attribute {
    ID("id", ValueType.STRING, true, true, false),
    NAME("name", ValueType.STRING, true, true, false),
    PROJECT_ID("project_id", ValueType.STRING, true, true, false),
    TENANT_ID("tenant_id", ValueType.STRING, true, true, false),
    DESCRIPTION("description", ValueType.STRING, true, true, false),
    ADMIN_STATE_UP("admin_state_up", ValueType.BOOLEAN, true, true, false),
    SHARED("shared", ValueType.BOOLEAN, true, true, false),
    EXTERNAL("router:external", ValueType.BOOLEAN, true, true, false),
    STATUS("status", ValueType.STRING, true, true, false),
    MTU("mtu", ValueType.INTEGER, true, true, false),
    PORT_SECURITY_ENABLED("port_security_enabled", ValueType.BOOLEAN, true, true, false),
    DNS_DOMAIN("dns_domain", ValueType.STRING, true, true, false),
    REVISION_NUMBER("revision_number", ValueType.INTEGER, true, true, false),
    CREATED_AT("created_at", ValueType.STRING, false, true, false),
    UPDATED_AT("updated_at", ValueType.STRING, false, true, false),
    NETWORK_TYPE("provider:network_type", ValueType.STRING, true, true, true),
    PHYSICAL_NETWORK("provider:physical_network", ValueType.STRING, true, true, true),
    SEGMENTATION_ID("provider:segmentation_id", ValueType.INTEGER, true, true, true);

    private final String apiName;
    private final ValueType type;
    private final boolean filterable;
    private final boolean sortable;
    private final boolean adminOnly;

    NetworkAttribute(String apiName, ValueType type, boolean filterable, boolean sortable, boolean adminOnly) {
        this.apiName = apiName;
        this.type = type;
        this.filterable = filterable;
        this.sortable = sortable;
        this.adminOnly = adminOnly;
    }

    public static Optional<NetworkAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    @Override public String apiName() { return apiName; }
    @Override public ValueType type() { return type; }
    @Override public boolean filterable() { return filterable; }
    @Override public boolean sortable() { return sortable; }
    @Override public boolean adminOnly() { return adminOnly; }
}
