package dev.kumo.core.network.subnetpool;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.ValueType;
import java.util.Arrays;
import java.util.Optional;

/** The attributes a subnet pool list can filter and sort on. */
public enum SubnetPoolAttribute implements Attribute {
    ID("id", ValueType.STRING),
    NAME("name", ValueType.STRING),
    PROJECT_ID("project_id", ValueType.STRING),
    TENANT_ID("tenant_id", ValueType.STRING),
    DESCRIPTION("description", ValueType.STRING),
    IP_VERSION("ip_version", ValueType.INTEGER),
    MIN_PREFIXLEN("min_prefixlen", ValueType.INTEGER),
    MAX_PREFIXLEN("max_prefixlen", ValueType.INTEGER),
    DEFAULT_PREFIXLEN("default_prefixlen", ValueType.INTEGER),
    DEFAULT_QUOTA("default_quota", ValueType.INTEGER),
    SHARED("shared", ValueType.BOOLEAN),
    IS_DEFAULT("is_default", ValueType.BOOLEAN),
    ADDRESS_SCOPE_ID("address_scope_id", ValueType.STRING),
    REVISION_NUMBER("revision_number", ValueType.INTEGER),
    CREATED_AT("created_at", ValueType.STRING),
    UPDATED_AT("updated_at", ValueType.STRING);

    private final String apiName;
    private final ValueType type;

    SubnetPoolAttribute(String apiName, ValueType type) {
        this.apiName = apiName;
        this.type = type;
    }

    public static Optional<SubnetPoolAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    @Override public String apiName() { return apiName; }
    @Override public ValueType type() { return type; }
    @Override public boolean filterable() { return this != CREATED_AT && this != UPDATED_AT; }
    @Override public boolean sortable() { return true; }
    @Override public boolean adminOnly() { return false; }
}
