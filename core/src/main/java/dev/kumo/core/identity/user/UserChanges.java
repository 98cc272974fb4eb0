package dev.kumo.core.identity.user;

import java.util.Map;
import java.util.Optional;

/**
 * Fields a create or update sets; null means "not given". The fields Keystone lets a caller set to null
 * are Optionals: an empty one clears the field. {@code extra} holds every other attribute, including
 * {@code options}; a null value in it removes that attribute.
 */
public record UserChanges(String name, String domainId, String password, Boolean enabled,
                          Optional<String> defaultProjectId, Optional<String> description, Optional<String> email,
                          Map<String, Object> extra) {}
