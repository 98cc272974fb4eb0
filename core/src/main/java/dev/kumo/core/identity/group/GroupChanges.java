package dev.kumo.core.identity.group;

import java.util.Map;
import java.util.Optional;

/**
 * Fields a create or update sets; null means "not given", an empty description clears it.
 * A null value in {@code extra} removes that attribute.
 */
public record GroupChanges(String name, String domainId, Optional<String> description, Map<String, Object> extra) {}
