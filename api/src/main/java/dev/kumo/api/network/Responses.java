package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.query.PageRequest;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Function;

/** Writes list and single-resource responses the same way for every resource. */
final class Responses {
    private Responses() {}

    static <T> void writeList(Context ctx, String collection, List<T> items, Function<T, ObjectNode> view,
                              Function<T, String> id, PageRequest page) {
        List<String> fields = ResponseFields.of(ctx);
        var body = Json.object();
        ArrayNode array = body.putArray(collection);
        items.forEach(item -> array.add(ResponseFields.select(view.apply(item), fields)));
        Pagination.addLinks(ctx, body, collection, page, items.stream().map(id).toList());
        Json.write(ctx, 200, body);
    }

    static void writeOne(Context ctx, int status, String key, ObjectNode view) {
        Json.write(ctx, status, Json.object().set(key, ResponseFields.select(view, ResponseFields.of(ctx))));
    }

    /** The response of a create: {@code {"network": {...}}}, or {@code {"networks": [...]}} for a bulk create. */
    static <T> void writeCreated(Context ctx, boolean bulk, String singular, String plural, List<T> created,
                                 Function<T, ObjectNode> view) {
        if (!bulk) {
            Json.write(ctx, 201, Json.object().set(singular, view.apply(created.getFirst())));
            return;
        }
        var body = Json.object();
        ArrayNode array = body.putArray(plural);
        created.forEach(item -> array.add(view.apply(item)));
        Json.write(ctx, 201, body);
    }
}
