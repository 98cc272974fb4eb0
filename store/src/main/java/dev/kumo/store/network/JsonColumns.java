package dev.kumo.store.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Lists and maps kept as JSON text in one column: they are only ever read with their row. */
final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<Map<String, String>>> PAIRS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private JsonColumns() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Most of these columns hold an empty list or map; a list of 10,000 ports reads 30,000 of them.

    static List<String> strings(String json) {
        return json.equals("[]") ? List.of() : read(json, STRINGS);
    }

    /** A list of small string-to-string objects (pools, routes, address pairs). */
    static List<Map<String, String>> pairs(String json) {
        return json.equals("[]") ? List.of() : read(json, PAIRS);
    }

    static Map<String, Object> object(String json) {
        return json.equals("{}") ? Map.of() : read(json, OBJECT);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("corrupt JSON column: " + json, e);
        }
    }
}
