package dev.kumo.core.identity.role;

import java.util.Map;

/** Fields a create or update sets; null means "not given". {@code options} are Keystone's resource options. */
public record RoleChanges(String id, String name, String description, String domainId, Map<String, Object> options,
                          Map<String, Object> extra) {}
