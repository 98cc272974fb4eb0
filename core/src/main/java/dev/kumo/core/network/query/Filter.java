package dev.kumo.core.network.query;

import java.util.List;
import java.util.Objects;

/** Matches resources whose attribute equals any of {@code values} (already converted to the attribute's type). */
public record Filter<A extends Attribute>(A attribute, List<Object> values) {
    public Filter {
        Objects.requireNonNull(attribute, "attribute");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a filter on " + attribute.apiName() + " needs at least one value");
        }
    }
}
