package dev.kumo.core.network.subnet;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.ValueType;
import java.util.Arrays;
import java.util.Optional;

/** The attributes a subnet list can filter and sort on. */
public enum SubnetAttribute implements Attribute {
    ID("id", ValueType.STRING, true, true),
    NAME("name", ValueType.STRING, true, true),
    PROJECT_ID("project_id", ValueType.STRING, true, true),
    TENANT_ID("tenant_id", ValueType.STRING, true, true),
    DESCRIPTION("description", ValueType.STRING, true, true),
    NETWORK_ID("network_id", ValueType.STRING, true, true),
    IP_VERSION("ip_version", ValueType.INTEGER, true, true),
    CIDR("cidr", ValueType.STRING, true, true),
    GATEWAY_IP("gateway_ip", ValueType.STRING, true, true),
    ENABLE_DHCP("enable_dhcp", ValueType.BOOLEAN, true, true),
    IPV6_RA_MODE("ipv6_ra_mode", ValueType.STRING, true, true),
    IPV6_ADDRESS_MODE("ipv6_address_mode", ValueType.STRING, true, true),
    SUBNETPOOL_ID("subnetpool_id", ValueType.STRING, true, true),
    REVISION_NUMBER("revision_number", ValueType.INTEGER, true, true),
    CREATED_AT("created_at", ValueType.STRING, false, true),
    UPDATED_AT("updated_at", ValueType.STRING, false, true);

    private final String apiName;
    private final ValueType type;
    private final boolean filterable;
    private final boolean sortable;

    SubnetAttribute(String apiName, ValueType type, boolean filterable, boolean sortable) {
        this.apiName = apiName;
        this.type = type;
        this.filterable = filterable;
        this.sortable = sortable;
    }

    public static Optional<SubnetAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    @Override public String apiName() { return apiName; }
    @Override public ValueType type() { return type; }
    @Override public boolean filterable() { return filterable; }
    @Override public boolean sortable() { return sortable; }
    @Override public boolean adminOnly() { return false; }
}
