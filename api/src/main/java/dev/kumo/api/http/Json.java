package dev.kumo.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The shared JSON mapper and the few operations handlers need: parse a body, build and write a tree. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final DateTimeFormatter KEYSTONE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** The request body as a JSON object; anything else is a 400 that says what was wrong. */
    public static ObjectNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw CloudError.badRequest("The request body is empty; a JSON object was expected.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw CloudError.badRequest("Malformed JSON in request body: %s", e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw CloudError.badRequest("The request body must be a JSON object, not %s.", node.getNodeType().name().toLowerCase());
        }
        return object;
    }

    public static void write(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    /** Keystone's timestamp format: microseconds, always UTC, with a Z. */
    public static String keystoneTime(Instant instant) {
        return instant == null ? null : KEYSTONE_TIME.format(instant);
    }
}
