package dev.kumo.model.identity;

import java.util.List;
import java.util.Map;

public record Domain(String id, String name, String description, boolean enabled, List<String> tags,
                     Map<String, Object> extra) {
    /** Keystone's well-known id of the domain created at bootstrap. */
    public static final String DEFAULT_ID = "default";

    public Domain {
        tags = List.copyOf(tags);
        extra = Map.copyOf(extra);
    }
}
