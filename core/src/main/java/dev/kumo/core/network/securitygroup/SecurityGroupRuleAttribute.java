package dev.kumo.core.network.securitygroup;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.ValueType;
import java.util.Arrays;
import java.util.Optional;

/** The attributes a security group rule list can filter and sort on. */
public enum SecurityGroupRuleAttribute implements Attribute {
    ID("id", ValueType.STRING),
    PROJECT_ID("project_id", ValueType.STRING),
    TENANT_ID("tenant_id", ValueType.STRING),
    DESCRIPTION("description", ValueType.STRING),
    SECURITY_GROUP_ID("security_group_id", ValueType.STRING),
    DIRECTION("direction", ValueType.STRING),
    ETHERTYPE("ethertype", ValueType.STRING),
    PROTOCOL("protocol", ValueType.STRING),
    PORT_RANGE_MIN("port_range_min", ValueType.INTEGER),
    PORT_RANGE_MAX("port_range_max", ValueType.INTEGER),
    REMOTE_IP_PREFIX("remote_ip_prefix", ValueType.STRING),
    REMOTE_GROUP_ID("remote_group_id", ValueType.STRING),
    REVISION_NUMBER("revision_number", ValueType.INTEGER),
    CREATED_AT("created_at", ValueType.STRING),
    UPDATED_AT("updated_at", ValueType.STRING);

    private final String apiName;
    private final ValueType type;

    SecurityGroupRuleAttribute(String apiName, ValueType type) {
        this.apiName = apiName;
        this.type = type;
    }

    public static Optional<SecurityGroupRuleAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    @Override public String apiName() { return apiName; }
    @Override public ValueType type() { return type; }
    @Override public boolean filterable() { return this != CREATED_AT && this != UPDATED_AT; }
    @Override public boolean sortable() { return true; }
    @Override public boolean adminOnly() { return false; }
}
