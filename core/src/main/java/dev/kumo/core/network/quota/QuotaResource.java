package dev.kumo.core.network.quota;

import java.util.Arrays;
import java.util.Optional;

/** The resources with a quota, by the name Neutron's quota API uses. */
public enum QuotaResource {
    NETWORK("network"), SUBNET("subnet"), PORT("port"), ROUTER("router"), FLOATINGIP("floatingip"),
    SECURITY_GROUP("security_group"), SECURITY_GROUP_RULE("security_group_rule");

    private final String apiName;

    QuotaResource(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<QuotaResource> fromApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(name)).findFirst();
    }
}
