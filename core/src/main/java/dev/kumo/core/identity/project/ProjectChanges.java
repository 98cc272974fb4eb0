package dev.kumo.core.identity.project;

import java.util.List;
import java.util.Map;

/** Fields a create or update sets; null means "not given". */
public record ProjectChanges(String name, String description, String domainId, String parentId, Boolean enabled,
                             List<String> tags, Map<String, Object> extra) {}
