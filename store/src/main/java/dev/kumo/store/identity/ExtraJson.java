package dev.kumo.store.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/**
 * The {@code extra} maps (Keystone's free-form attributes) as JSON text: the store never looks inside them,
 * so a column per attribute would buy nothing. Numbers come back as the smallest fitting Java type (an
 * Integer for 5, even if a Long was stored), as JSON carries no Java types.
 */
final class ExtraJson {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    // Sorted keys make the stored text independent of the map's iteration order.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ExtraJson() {}

    static String write(Map<String, Object> extra) {
        try {
            return MAPPER.writeValueAsString(extra == null ? Map.of() : extra);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("extra attributes cannot be stored as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> read(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored extra attributes are not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
