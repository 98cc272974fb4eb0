package dev.kumo.core.network.query;

import java.util.Objects;

public record SortKey<A extends Attribute>(A attribute, boolean ascending) {
    public SortKey {
        Objects.requireNonNull(attribute, "attribute");
    }
}
