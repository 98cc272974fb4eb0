package dev.kumo.api.network;

import io.javalin.http.Context;
import java.util.List;

/** {@code ?fields=id&fields=name}: the response carries only those attributes (all when none are named). */
final class ResponseFields {
    private ResponseFields() {}

    static List<String> of(Context ctx) {
        return ctx.queryParams("fields").stream().filter(f -> !f.isEmpty()).toList();
    }
}
