package dev.kumo.core.identity.catalog;

import java.util.Map;

/** Fields a service create or update sets; null means "not given". */
public record ServiceChanges(String id, String type, String name, String description, Boolean enabled,
                             Map<String, Object> extra) {}
