package dev.kumo.model.identity;

import java.util.Map;

public record Region(String id, String description, String parentRegionId, Map<String, Object> extra) {
    public Region {
        extra = Map.copyOf(extra);
    }
}
