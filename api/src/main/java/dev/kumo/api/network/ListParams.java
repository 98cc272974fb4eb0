package dev.kumo.api.network;

import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.Filter;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.PageRequest;
import dev.kumo.core.network.query.SortKey;
import dev.kumo.core.network.query.TagFilter;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A list request's query string, as Neutron reads it: any attribute as a filter (repeated for alternatives,
 * empty values ignored, unknown attributes ignored), {@code tags}/{@code tags-any}/{@code not-tags}/
 * {@code not-tags-any}, {@code sort_key}/{@code sort_dir} pairs, {@code limit}, {@code marker},
 * {@code page_reverse}. {@code fields} is the view's business ({@link ResponseFields}).
 */
final class ListParams {
    static final Set<String> RESERVED = Set.of("fields", "sort_key", "sort_dir", "limit", "marker", "page_reverse",
            "tags", "tags-any", "not-tags", "not-tags-any");

    private ListParams() {}

    /**
     * @param attributes  the resource's attributes by API name
     * @param specialKeys how to read filters that are not plain attributes (e.g. {@code fixed_ips}), by name
     */
    static <A extends Attribute> ListQuery<A> parse(Context ctx, Function<String, Optional<A>> attributes,
                                                    Map<String, Function<String, Optional<Filter<A>>>> specialKeys,
                                                    boolean admin) {
        List<Filter<A>> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : ctx.queryParamMap().entrySet()) {
            String name = param.getKey();
            List<String> values = param.getValue().stream().filter(v -> !v.isEmpty()).toList();
            if (RESERVED.contains(name) || values.isEmpty()) {
                continue;
            }
            if (specialKeys.containsKey(name)) {
                values.forEach(v -> specialKeys.get(name).apply(v).ifPresent(filters::add));
                continue;
            }
            attributes.apply(name).filter(a -> a.filterable() && (admin || !a.adminOnly()))
                    .ifPresent(a -> filters.add(new Filter<>(a, values.stream().map(v -> a.type().convert(name, v)).toList())));
        }
        return new ListQuery<>(filters, tags(ctx), sorts(ctx, attributes, admin), page(ctx));
    }

    private static TagFilter tags(Context ctx) {
        return new TagFilter(tagList(ctx, "tags"), tagList(ctx, "tags-any"), tagList(ctx, "not-tags"),
                tagList(ctx, "not-tags-any"));
    }

    /** Comma-separated, and the parameter may repeat. */
    private static List<String> tagList(Context ctx, String name) {
        return ctx.queryParams(name).stream().flatMap(v -> Arrays.stream(v.split(","))).filter(t -> !t.isEmpty()).toList();
    }

    private static <A extends Attribute> List<SortKey<A>> sorts(Context ctx, Function<String, Optional<A>> attributes,
                                                                boolean admin) {
        List<String> keys = ctx.queryParams("sort_key").stream().filter(v -> !v.isEmpty()).toList();
        List<String> dirs = ctx.queryParams("sort_dir").stream().filter(v -> !v.isEmpty()).toList();
        if (!dirs.isEmpty() && keys.size() != dirs.size()) {
            throw NeutronErrors.badRequest("The number of sort_keys and sort_dirs must be same");
        }
        List<String> invalidKeys = keys.stream().filter(k -> attributes.apply(k)
                .filter(a -> a.sortable() && (admin || !a.adminOnly())).isEmpty()).toList();
        if (!invalidKeys.isEmpty()) {
            throw NeutronErrors.badRequest("%s is invalid attribute for sort_keys", pythonList(invalidKeys));
        }
        List<String> invalidDirs = dirs.stream().filter(d -> !d.equals("asc") && !d.equals("desc")).toList();
        if (!invalidDirs.isEmpty()) {
            throw NeutronErrors.badRequest("%s is invalid value for sort_dirs, valid value is 'asc' and 'desc'",
                    pythonList(invalidDirs));
        }
        List<SortKey<A>> sorts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            sorts.add(new SortKey<>(attributes.apply(keys.get(i)).orElseThrow(), dirs.isEmpty() || dirs.get(i).equals("asc")));
        }
        return sorts;
    }

    private static PageRequest page(Context ctx) {
        String limitText = ctx.queryParam("limit");
        Integer limit = null;
        if (limitText != null && !limitText.isEmpty()) {
            try {
                int parsed = Integer.parseInt(limitText.strip());
                if (parsed < 0) {
                    throw new NumberFormatException();
                }
                limit = parsed == 0 ? null : parsed;
            } catch (NumberFormatException e) {
                throw NeutronErrors.badResourceRequest("limit", "Limit must be an integer 0 or greater and not '%s'", limitText);
            }
        }
        String marker = ctx.queryParam("marker");
        boolean reverse = "true".equals(String.valueOf(ctx.queryParam("page_reverse")).toLowerCase(Locale.ROOT));
        return new PageRequest(limit, marker == null || marker.isEmpty() ? null : marker, reverse);
    }

    private static String pythonList(List<String> values) {
        return "[" + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }
}
