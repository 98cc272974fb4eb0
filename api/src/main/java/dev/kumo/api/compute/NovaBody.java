package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.compute.ComputeErrors;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading request bodies the way Nova's JSON schemas do, with their messages; Nova's time format. */
final class NovaBody {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private NovaBody() {}

    /** The object under {@code key} of the request body; missing is a 400 naming it. */
    static ObjectNode wrapped(Context ctx, String key) {
        JsonNode node = Json.body(ctx).get(key);
        if (!(node instanceof ObjectNode object)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. '%s' is a required property",
                    key, node, key);
        }
        return object;
    }

    static String text(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. %s is not of type 'string'", field, n, n);
        }
        return n.asText();
    }

    static int integer(ObjectNode o, String field, int fallback) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (n.isIntegralNumber() || (n.isTextual() && n.asText().matches("-?\\d+"))) {
            return n.isTextual() ? Integer.parseInt(n.asText()) : n.asInt();
        }
        throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. %s is not of type 'integer', 'string'", field, n, n);
    }

    static Map<String, String> stringMap(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        var out = new LinkedHashMap<String, String>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. %s is not of type 'object'", field, n, n);
        }
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. %s is not of type 'string'",
                        e.getKey(), e.getValue(), e.getValue());
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
