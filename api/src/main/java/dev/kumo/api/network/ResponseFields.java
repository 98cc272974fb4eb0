package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code ?fields=id&fields=name}: the response carries only those attributes (all when none are named). */
final class ResponseFields {
    private ResponseFields() {}

    static List<String> of(Context ctx) {
        return ctx.queryParams("fields").stream().filter(f -> !f.isEmpty()).toList();
    }

    static ObjectNode select(ObjectNode view, List<String> fields) {
        if (fields.isEmpty()) {
            return view;
        }
        List<String> drop = new ArrayList<>();
        for (Iterator<String> names = view.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                drop.add(name);
            }
        }
        view.remove(drop);
        return view;
    }
}
