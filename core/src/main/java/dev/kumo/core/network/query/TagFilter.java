package dev.kumo.core.network.query;

import java.util.List;

/**
 * Neutron's tag filters: {@code tags} (has all), {@code tags-any} (has one), {@code not-tags} (lacks at least
 * one of them), {@code not-tags-any} (has none). Empty lists filter nothing.
 */
public record TagFilter(List<String> all, List<String> any, List<String> notAll, List<String> notAny) {
    public static final TagFilter NONE = new TagFilter(List.of(), List.of(), List.of(), List.of());

    public TagFilter {
        all = List.copyOf(all);
        any = List.copyOf(any);
        notAll = List.copyOf(notAll);
        notAny = List.copyOf(notAny);
    }

    public boolean isEmpty() {
        return all.isEmpty() && any.isEmpty() && notAll.isEmpty() && notAny.isEmpty();
    }
}
