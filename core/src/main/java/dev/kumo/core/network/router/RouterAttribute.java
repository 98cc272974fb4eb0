package dev.kumo.core.network.router;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.ValueType;
import java.util.Arrays;
import java.util.Optional;

/** The attributes a router list can filter and sort on. */
public enum RouterAttribute implements Attribute {
    ID("id", ValueType.STRING, true),
    NAME("name", ValueType.STRING, true),
    PROJECT_ID("project_id", ValueType.STRING, true),
    TENANT_ID("tenant_id", ValueType.STRING, true),
    DESCRIPTION("description", ValueType.STRING, true),
    ADMIN_STATE_UP("admin_state_up", ValueType.BOOLEAN, true),
    STATUS("status", ValueType.STRING, true),
    REVISION_NUMBER("revision_number", ValueType.INTEGER, true),
    CREATED_AT("created_at", ValueType.STRING, false),
    UPDATED_AT("updated_at", ValueType.STRING, false);

    private final String apiName;
    private final ValueType type;
    private final boolean filterable;

    RouterAttribute(String apiName, ValueType type, boolean filterable) {
        this.apiName = apiName;
        this.type = type;
        this.filterable = filterable;
    }

    public static Optional<RouterAttribute> fromApiName(String name) {
        return Arrays.stream(values()).filter(a -> a.apiName.equals(name)).findFirst();
    }

    @Override public String apiName() { return apiName; }
    @Override public ValueType type() { return type; }
    @Override public boolean filterable() { return filterable; }
    @Override public boolean sortable() { return true; }
    @Override public boolean adminOnly() { return false; }
}
