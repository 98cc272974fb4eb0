package dev.kumo.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.model.error.CloudError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Typed reads of request fields; a wrong type is a 400 naming the field and what was expected. */
public final class JsonFields {
    private JsonFields() {}

    /** The object under {@code key} (e.g. "project" in {@code {"project": {...}}}), required. */
    public static ObjectNode wrapped(ObjectNode body, String key) {
        JsonNode node = body.get(key);
        if (node == null || node.isNull()) {
            throw CloudError.badRequest("'%s' is a required property.", key);
        }
        if (!(node instanceof ObjectNode object)) {
            throw CloudError.badRequest("Invalid input for field '%s': expected a JSON object.", key);
        }
        return object;
    }

    public static String string(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw typeError(field, "a string", v);
        }
        return v.asText();
    }

    /**
     * A field the caller may set to null: null when absent, empty when given as JSON null (meaning "clear
     * it"), else the string.
     */
    public static Optional<String> nullableString(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            return null;
        }
        return Optional.ofNullable(string(node, field));
    }

    public static Boolean bool(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw typeError(field, "a boolean", v);
        }
        return v.asBoolean();
    }

    public static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw typeError(field, "a list of strings", v);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw typeError(field, "a list of strings", v);
            }
            out.add(item.asText());
        }
        return out;
    }

    /** Every field not in {@code known}, as plain Java values: Keystone keeps them as extra attributes. */
    public static Map<String, Object> extra(ObjectNode node, Set<String> known) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!known.contains(e.getKey())) {
                extra.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
            }
        }
        return extra;
    }

    private static RuntimeException typeError(String field, String expected, JsonNode got) {
        return CloudError.badRequest("Invalid input for field '%s': expected %s, got %s.", field, expected,
                got.getNodeType().name().toLowerCase());
    }
}
