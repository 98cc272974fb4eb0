package dev.kumo.model.identity;

import java.util.Map;

/**
 * An entry of Keystone's (deprecated) {@code /v3/policies}: an opaque document of some media {@code type},
 * stored and served as given. Nothing in kumo enforces it.
 */
public record PolicyDocument(String id, String type, String blob, Map<String, Object> extra) {
    public PolicyDocument {
        extra = Map.copyOf(extra);
    }
}
