package dev.kumo.api.network;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kumo.api.http.Links;
import dev.kumo.core.network.query.PageRequest;
import io.javalin.http.Context;
import java.io.IOException;
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

    static void writeLinks(Context ctx, JsonGenerator out, String collection, PageRequest page, List<String> ids) {
        if (page.limit() == null) {
            return;
        }
        boolean shortPage = ids.size() < page.limit();
        ViewWriter.io(() -> {
            out.writeArrayFieldStart(collection + "_links");
            if (!(shortPage && !page.reverse())) {
                link(out, "next", href(ctx, ids.isEmpty() ? null : ids.getLast(), false));
            }
            if (!(shortPage && page.reverse())) {
                link(out, "previous", href(ctx, ids.isEmpty() ? null : ids.getFirst(), true));
            }
            out.writeEndArray();
        });
    }

    private static void link(JsonGenerator out, String rel, String href) throws IOException {
        out.writeStartObject();
        out.writeStringField("rel", rel);
        out.writeStringField("href", href);
        out.writeEndObject();
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
