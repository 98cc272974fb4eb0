package dev.kumo.core.network.query;

import java.util.List;
import java.util.Objects;

/**
 * One list request: all filters must match; the sort keys come first and the id always breaks ties, so
 * that markers are unambiguous.
 */
public record ListQuery<A extends Attribute>(List<Filter<A>> filters, TagFilter tags, List<SortKey<A>> sorts,
                                             PageRequest page) {
    public ListQuery {
        filters = List.copyOf(filters);
        Objects.requireNonNull(tags, "tags");
        sorts = List.copyOf(sorts);
        Objects.requireNonNull(page, "page");
    }

    public static <A extends Attribute> ListQuery<A> all() {
        return new ListQuery<>(List.of(), TagFilter.NONE, List.of(), PageRequest.ALL);
    }

    public static <A extends Attribute> ListQuery<A> where(A attribute, Object value) {
        return new ListQuery<>(List.of(new Filter<>(attribute, List.of(value))), TagFilter.NONE, List.of(), PageRequest.ALL);
    }
}
