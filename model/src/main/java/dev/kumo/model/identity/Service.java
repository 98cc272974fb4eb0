package dev.kumo.model.identity;

import java.util.Map;

/** A catalog service such as {@code identity} or {@code compute}. */
public record Service(String id, String type, String name, String description, boolean enabled,
                      Map<String, Object> extra) {
    public Service {
        extra = Map.copyOf(extra);
    }
}
