package dev.kumo.api.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.identity.credential.BlobParser;
import java.util.Map;
import java.util.Optional;

/** Credential blobs read with the API's JSON mapper. The text is a secret: parse errors are dropped, not logged. */
public final class JsonBlobParser implements BlobParser {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Override
    public Optional<Map<String, Object>> object(String blob) {
        try {
            JsonNode node = Json.MAPPER.readTree(blob);
            return node != null && node.isObject() ? Optional.of(Json.MAPPER.convertValue(node, MAP)) : Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}
