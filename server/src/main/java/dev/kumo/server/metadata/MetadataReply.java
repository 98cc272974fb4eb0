package dev.kumo.server.metadata;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One answer of the metadata service: status, content type, body. */
public record MetadataReply(int status, String contentType, byte[] body) {
    public static final String TEXT = "text/plain; charset=UTF-8";
    public static final String JSON = "application/json";

    public MetadataReply {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    public static MetadataReply text(byte[] body) {
        return new MetadataReply(200, TEXT, body);
    }

    public static MetadataReply json(byte[] body) {
        return new MetadataReply(200, JSON, body);
    }

    public static MetadataReply error(int status, String message) {
        return new MetadataReply(status, TEXT, message.getBytes(StandardCharsets.UTF_8));
    }

    public static MetadataReply notFound() {
        return error(404, "404 Not Found\n\nThe resource could not be found.\n");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
