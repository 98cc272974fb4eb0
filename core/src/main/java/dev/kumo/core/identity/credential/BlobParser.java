package dev.kumo.core.identity.credential;

import java.util.Map;
import java.util.Optional;

/**
 * Reads a credential blob as a JSON object (ec2 blobs are {@code {"access": ..., "secret": ...}}). Core has no
 * JSON library of its own; the wiring supplies one. Must not log or echo the text, which is a secret.
 */
@FunctionalInterface
public interface BlobParser {
    /** The blob's fields when it is a JSON object; empty when it is not JSON or not an object. */
    Optional<Map<String, Object>> object(String blob);
}
