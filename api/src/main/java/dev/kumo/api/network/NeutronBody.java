package dev.kumo.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NeutronErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One resource of a request body, read with Neutron's attribute rules: an attribute the resource does not have
 * is "Unrecognized", one that cannot be set by this operation is refused, and values convert as Neutron's
 * converters do (booleans from "True", integers from "5").
 */
final class NeutronBody {
    private final ObjectNode node;

    private NeutronBody(ObjectNode node) {
        this.node = node;
    }

    /**
     * The resources of a create: {@code {"network": {...}}}, or in bulk {@code {"networks": [{...}, ...]}}.
     */
    static List<ObjectNode> creates(ObjectNode body, String singular, String plural) {
        if (body.has(plural)) {
            JsonNode list = body.get(plural);
            if (!list.isArray() || list.isEmpty()) {
                throw NeutronErrors.badRequest("Resources required: '%s' must be a non-empty list", plural);
            }
            List<ObjectNode> out = new ArrayList<>();
            list.forEach(item -> out.add(object(item, singular)));
            return out;
        }
        return List.of(single(body, singular));
    }

    static ObjectNode single(ObjectNode body, String key) {
        JsonNode node = body.get(key);
        if (node == null) {
            throw NeutronErrors.badRequest("Unable to find '%s' in request body", key);
        }
        return object(node, key);
    }

    private static ObjectNode object(JsonNode node, String key) {
        if (!(node instanceof ObjectNode object)) {
            throw NeutronErrors.badRequest("Invalid input for '%s': expected a JSON object", key);
        }
        return object;
    }

    /**
     * Checks the attributes of a create ({@code readOnly} are the resource's attributes no request may set)
     * or an update ({@code readOnly} then also holds those only a create may set).
     */
    static NeutronBody checked(ObjectNode node, Set<String> writable, Set<String> readOnly, boolean create) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (readOnly.contains(name)) {
                throw create ? NeutronErrors.badRequest("Attribute '%s' not allowed in POST", name)
                        : NeutronErrors.badRequest("Cannot update read-only attribute %s", name);
            }
            if (!writable.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw NeutronErrors.badRequest("Unrecognized attribute(s) '%s'", String.join(", ", unknown));
        }
        var body = new NeutronBody(node);
        body.requireMatchingProject();
        return body;
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** Given as JSON null. */
    boolean isNull(String name) {
        return node.has(name) && node.get(name).isNull();
    }

    String string(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw NeutronErrors.invalidAttribute(name, "'" + display(v) + "' is not a valid string");
        }
        return v.asText();
    }

    /** A string that may be given as null (meaning "none"). */
    String nullableString(String name) {
        return isNull(name) ? null : string(name);
    }

    /** A string where JSON null means "clear it" (the empty string); null when absent. */
    String stringOrEmpty(String name) {
        return isNull(name) ? "" : string(name);
    }

    Boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String text = v.isTextual() || v.isIntegralNumber() ? v.asText().toLowerCase(Locale.ROOT) : "";
        return switch (text) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw NeutronErrors.invalidAttribute(name, "'" + display(v) + "' cannot be converted to boolean");
        };
    }

    Integer integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.asInt();
        }
        if (v.isTextual() && v.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(v.asText().strip());
        }
        throw NeutronErrors.invalidAttribute(name, "'" + display(v) + "' is not an integer");
    }

    List<String> strings(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return v == null ? null : List.of();
        }
        if (!v.isArray()) {
            throw NeutronErrors.invalidAttribute(name, "'" + display(v) + "' is not a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw NeutronErrors.invalidAttribute(name, "'" + display(item) + "' is not a valid string");
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A list of objects, each checked to carry only {@code keys}. */
    List<ObjectNode> objects(String name, Set<String> keys) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return v == null ? null : List.of();
        }
        if (!v.isArray()) {
            throw NeutronErrors.invalidAttribute(name, "'" + display(v) + "' is not a list");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!(item instanceof ObjectNode object)) {
                throw NeutronErrors.invalidAttribute(name, "'" + display(item) + "' is not a dictionary");
            }
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!keys.contains(key)) {
                    throw NeutronErrors.invalidAttribute(name, "Unrecognized attribute(s) '" + key + "'");
                }
            }
            out.add(object);
        }
        return out;
    }

    /** A JSON object as plain Java values (binding:profile). */
    Map<String, Object> map(String name) {
        JsonNode v = node.get(name);
        if (v == null) {
            return null;
        }
        if (v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw NeutronErrors.invalidAttribute(name, "'" + display(v) + "' is not a dictionary");
        }
        return Json.MAPPER.convertValue(v, Json.MAPPER.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    /** {@code project_id} or {@code tenant_id} (which must agree). */
    String project() {
        String project = string("project_id");
        return project != null ? project : string("tenant_id");
    }

    private void requireMatchingProject() {
        if (node.has("project_id") && node.has("tenant_id") && !node.get("project_id").equals(node.get("tenant_id"))) {
            throw NeutronErrors.badRequest("'project_id' and 'tenant_id' do not match");
        }
    }

    /** How Neutron quotes a wrong value: Python's repr, roughly (None for null). */
    private static String display(JsonNode v) {
        return v.isNull() ? "None" : v.isTextual() ? v.asText() : v.toString();
    }
}
