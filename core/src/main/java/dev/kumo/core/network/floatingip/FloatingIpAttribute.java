package dev.kumo.core.network.floatingip;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.ValueType;
import java.util.Arrays;
import java.util.Optional;

/** The attributes a floating IP list can filter and sort on. */
public enum FloatingIpAttribute implements Attribute {
    ID("id"),
    PROJECT_ID("project_id"),
    TENANT_ID("tenant_id"),
    DESCRIPTION("description"),
    FLOATING_NETWORK_ID("floating_network_id"),
    FLOATING_IP_ADDRESS("floating_ip_address"),
    PORT_ID("port_id"),
    FIXED_IP_ADDRESS("fixed_ip_address"),
    ROUTER_ID("router_id"),
    STATUS("status"),
    REVISION_NUMBER("revision_number", ValueType.INTEGER, true),
    CREATED_AT("created_at", ValueType.STRING, false),
    UPDATED_AT("updated_at", ValueType.STRING, false);

    private final String apiName;
    private final ValueType type;
    private final boolean filterable;

    FloatingIpAttribute(String apiName) {
        this(apiName, ValueType.STRING, true);
    }

    FloatingIpAttribute(String apiName, ValueType type, boolean filterable) {
        this.apiName = apiName;
        this.type = type;
        this.filterable = filterable;
    }

    public static Optional<FloatingIpAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    @Override public String apiName() { return apiName; }
    @Override public ValueType type() { return type; }
    @Override public boolean filterable() { return filterable; }
    @Override public boolean sortable() { return true; }
    @Override public boolean adminOnly() { return false; }
}
