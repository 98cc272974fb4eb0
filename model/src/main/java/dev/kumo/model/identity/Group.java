package dev.kumo.model.identity;

import java.util.Map;

public record Group(String id, String name, String domainId, String description, Map<String, Object> extra) {
    public Group {
        extra = Map.copyOf(extra);
    }
}
