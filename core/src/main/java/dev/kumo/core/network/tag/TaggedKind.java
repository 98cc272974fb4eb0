package dev.kumo.core.network.tag;

import java.util.Arrays;
import java.util.Optional;

/**
 * The resources that carry tags (Neutron's standard-attr-tag ones that exist here), by their collection name
 * in the URL ({@code /v2.0/networks/{id}/tags}).
 */
public enum TaggedKind {
    NETWORKS("networks", "network"), SUBNETS("subnets", "subnet"), PORTS("ports", "port"),
    SUBNETPOOLS("subnetpools", "subnetpool"), ROUTERS("routers", "router"), FLOATINGIPS("floatingips", "floatingip"),
    SECURITY_GROUPS("security-groups", "security_group");

    private final String collection;
    private final String singular;

    TaggedKind(String collection, String singular) {
        this.collection = collection;
        this.singular = singular;
    }

    public String collection() {
        return collection;
    }

    public String singular() {
        return singular;
    }

    public static Optional<TaggedKind> fromCollection(String name) {
        return Arrays.stream(values()).filter(k -> k.collection.equals(name)).findFirst();
    }
}
