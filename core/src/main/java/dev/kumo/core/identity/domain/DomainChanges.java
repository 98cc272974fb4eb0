package dev.kumo.core.identity.domain;

import java.util.List;
import java.util.Map;

/** Fields a create or update sets; null means "not given". */
public record DomainChanges(String name, String description, Boolean enabled, List<String> tags,
                            Map<String, Object> extra) {}
