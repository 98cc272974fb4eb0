package dev.kumo.api.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.image.NewImage;
import dev.kumo.core.image.PatchOperation;
import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses image create and JSON-patch bodies the way Glance's request deserializer does, with its messages. */
final class ImageRequests {
    static final Set<String> PATCH_TYPES = Set.of("application/openstack-images-v2.1-json-patch",
            "application/openstack-images-v2.0-json-patch");
    /** Attributes that are never accepted in a create body (Glance's _disallowed_properties). */
    private static final Set<String> DISALLOWED = Set.of("direct_url", "self", "file", "schema", "stores");
    private static final Set<String> BASE = Set.of("id", "name", "visibility", "protected", "os_hidden", "owner",
            "disk_format", "container_format", "min_disk", "min_ram", "tags");
    /** Custom properties whose schema (schema-image.json) allows null. */
    private static final Set<String> NULLABLE_PROPERTIES = Set.of("kernel_id", "ramdisk_id");
    private static final Pattern ADJACENT_SLASHES = Pattern.compile("/\\s*?/");

    private ImageRequests() {}

    static NewImage create(Context ctx) {
        ObjectNode body = object(ctx);
        for (String key : DISALLOWED) {
            if (body.has(key)) {
                throw CloudError.forbidden("Attribute '%s' is read-only.", key);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!BASE.contains(e.getKey())) {
                properties.put(e.getKey(), property(e.getKey(), e.getValue()));
            }
        }
        return new NewImage(text(body, "id", false), text(body, "name", true), text(body, "visibility", false),
                bool(body, "protected"), bool(body, "os_hidden"), text(body, "owner", true), text(body, "disk_format", true),
                text(body, "container_format", true), integer(body, "min_disk"), integer(body, "min_ram"), tags(body),
                properties);
    }

    static List<PatchOperation> patch(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip();
        if (!PATCH_TYPES.contains(type)) {
            ctx.header("Accept-Patch", String.join(", ", PATCH_TYPES.stream().sorted().toList()));
            throw new CloudError.UnsupportedMediaType("UnsupportedMediaType", "The request media type " + type
                    + " is not supported by this server: use application/openstack-images-v2.1-json-patch.")
                    .exception();
        }
        boolean draft4 = type.contains("v2.0");
        if (!(parse(ctx) instanceof ArrayNode array)) {
            throw CloudError.badRequest("Request body must be a JSON array of operation objects.");
        }
        List<PatchOperation> changes = new ArrayList<>();
        for (JsonNode raw : array) {
            if (!(raw instanceof ObjectNode change)) {
                throw CloudError.badRequest("Operations must be JSON objects.");
            }
            changes.add(draft4 ? draft4(change) : draft10(change));
        }
        return changes;
    }

    private static PatchOperation draft10(ObjectNode change) {
        String op = change.path("op").isTextual() ? change.get("op").asText() : null;
        if (op == null) {
            throw CloudError.badRequest("Unable to find `op` in JSON Schema change. It must be one of the following: "
                    + "add, remove, replace.");
        }
        if (!Set.of("add", "remove", "replace").contains(op)) {
            throw CloudError.badRequest("Invalid operation: `%s`. It must be one of the following: add, remove, replace.", op);
        }
        if (!change.path("path").isTextual()) {
            throw CloudError.badRequest("Unable to find 'path' in JSON Schema change");
        }
        return operation(change, op, change.get("path").asText());
    }

    private static PatchOperation draft4(ObjectNode change) {
        String op = null;
        for (String candidate : List.of("add", "remove", "replace")) {
            if (change.has(candidate)) {
                if (op != null) {
                    throw CloudError.badRequest("Operation objects must contain only one member named \"add\", "
                            + "\"remove\", or \"replace\".");
                }
                op = candidate;
            }
        }
        if (op == null) {
            throw CloudError.badRequest("Operation objects must contain exactly one member named \"add\", \"remove\", "
                    + "or \"replace\".");
        }
        return operation(change, op, change.get(op).asText());
    }

    private static PatchOperation operation(ObjectNode change, String op, String pointer) {
        String attribute = attribute(pointer);
        if (!op.equals("remove") && !change.has("value")) {
            throw CloudError.badRequest("Operation \"%s\" requires a member named \"value\".", op);
        }
        return new PatchOperation(op, attribute, op.equals("remove") ? null : plain(change.get("value")));
    }

    /** The one attribute a pointer names; Glance accepts only top-level attributes here. */
    private static String attribute(String pointer) {
        if (!pointer.startsWith("/")) {
            throw CloudError.badRequest("Pointer `%s` does not start with \"/\".", pointer);
        }
        if (ADJACENT_SLASHES.matcher(pointer.substring(1)).find()) {
            throw CloudError.badRequest("Pointer `%s` contains adjacent \"/\".", pointer);
        }
        if (pointer.length() > 1 && pointer.endsWith("/")) {
            throw CloudError.badRequest("Pointer `%s` end with \"/\".", pointer);
        }
        if (pointer.matches(".*~[^01].*") || pointer.endsWith("~")) {
            throw CloudError.badRequest("Pointer `%s` contains \"~\" not part of a recognized escape sequence.", pointer);
        }
        String[] parts = pointer.substring(1).split("/");
        if (parts.length != 1 || parts[0].isBlank()) {
            throw CloudError.badRequest("Invalid JSON pointer for this resource: '%s'", pointer);
        }
        return parts[0].replace("~1", "/").replace("~0", "~").strip();
    }

    /** A JSON value as String, Long, Double, Boolean, List or Map (null stays null). */
    static Object plain(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            // not a ternary: it would promote the long to a double
            if (v.canConvertToLong()) {
                return Long.valueOf(v.asLong());
            }
            return Double.valueOf(v.asDouble());
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(item -> list.add(plain(item)));
            return list;
        }
        return Json.MAPPER.convertValue(v, Map.class);
    }

    static ObjectNode object(Context ctx) {
        if (!(parse(ctx) instanceof ObjectNode object)) {
            throw CloudError.badRequest("Request body must be a JSON object.");
        }
        return object;
    }

    private static JsonNode parse(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw CloudError.badRequest("Body expected in request.");
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw CloudError.badRequest("Malformed JSON in request body.");
        }
    }

    private static String property(String key, JsonNode value) {
        if (value.isNull() && NULLABLE_PROPERTIES.contains(key)) {
            return null;
        }
        if (!value.isTextual()) {
            throw CloudError.badRequest("Provided object does not match schema 'image': %s is not of type 'string'",
                    value.toString());
        }
        return value.asText();
    }

    private static String text(ObjectNode body, String field, boolean nullable) {
        JsonNode v = body.get(field);
        if (v == null || (v.isNull() && nullable)) {
            return null;
        }
        if (!v.isTextual()) {
            throw schemaType(v, nullable ? "'null', 'string'" : "'string'");
        }
        return v.asText();
    }

    private static Boolean bool(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw schemaType(v, "'boolean'");
        }
        return v.asBoolean();
    }

    private static Integer integer(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw schemaType(v, "'integer'");
        }
        return v.asInt();
    }

    private static List<String> tags(ObjectNode body) {
        JsonNode v = body.get("tags");
        if (v == null) {
            return List.of();
        }
        if (!v.isArray()) {
            throw schemaType(v, "'array'");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode t : v) {
            if (!t.isTextual()) {
                throw schemaType(t, "'string'");
            }
            tags.add(t.asText());
        }
        return tags;
    }

    private static RuntimeException schemaType(JsonNode v, String expected) {
        return CloudError.badRequest("Provided object does not match schema 'image': %s is not of type %s",
                v.toString(), expected);
    }
}
