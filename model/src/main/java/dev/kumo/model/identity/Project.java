package dev.kumo.model.identity;

import java.util.List;
import java.util.Map;

/** A project; {@code parentId} is null only for top-level projects, whose parent in Keystone is the domain. */
public record Project(String id, String name, String domainId, String parentId, String description,
                      boolean enabled, List<String> tags, Map<String, Object> extra) {
    public Project {
        tags = List.copyOf(tags);
        extra = Map.copyOf(extra);
    }
}
