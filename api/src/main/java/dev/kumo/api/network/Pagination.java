package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.core.network.query.PageRequest;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Neutron's {@code <collection>_links}: with a limit, a "next" link unless a forward page came back short, and a
 * "previous" link unless a backward page did; each repeats the request's query with the marker moved to the
 * page's last (next) or first (previous) item.
 */
final class Pagination {
    private Pagination() {}

    static void addLinks(Context ctx, ObjectNode body, String collection, PageRequest page, List<String> ids) {
        if (page.limit() == null) {
            return;
        }
        ArrayNode links = Json.array();
        boolean shortPage = ids.size() < page.limit();
        if (!(shortPage && !page.reverse())) {
            links.addObject().put("rel", "next").put("href", href(ctx, ids.isEmpty() ? null : ids.getLast(), false));
        }
        if (!(shortPage && page.reverse())) {
            links.addObject().put("rel", "previous").put("href", href(ctx, ids.isEmpty() ? null : ids.getFirst(), true));
        }
        body.set(collection + "_links", links);
    }

    private static String href(Context ctx, String marker, boolean previous) {
        List<String> params = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals("marker") || e.getKey().equals("page_reverse")) {
                continue;
            }
            e.getValue().forEach(v -> params.add(encode(e.getKey()) + "=" + encode(v)));
        }
        if (marker != null) {
            params.add("marker=" + encode(marker));
        }
        if (previous) {
            params.add("page_reverse=True");
        }
        return Links.base(ctx) + ctx.path() + "?" + String.join("&", params);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
