package dev.kumo.core.identity;

import dev.kumo.model.error.CloudError;
import java.util.List;

/** Field checks shared by identity resources, with Keystone's limits and clear messages. */
public final class Validation {
    private Validation() {}

    /** Keystone's limit for project and domain names. */
    public static final int SHORT_NAME = 64;
    /** Keystone's limit for user, group and role names. */
    public static final int LONG_NAME = 255;

    public static String name(String value, String field) {
        return name(value, field, LONG_NAME);
    }

    public static String name(String value, String field, int maxLength) {
        if (value == null) {
            throw CloudError.badRequest("'%s' is a required property.", field);
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field '%s': the value must not be empty.", field);
        }
        if (value.length() > maxLength) {
            throw CloudError.badRequest("Invalid input for field '%s': '%s...' is longer than %d characters.",
                    field, value.substring(0, 32), maxLength);
        }
        return value;
    }

    public static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        if (tags.size() > 80) {
            throw CloudError.badRequest("Invalid input for field 'tags': at most 80 tags are allowed, got %d.", tags.size());
        }
        for (String tag : tags) {
            if (tag == null || tag.isEmpty() || tag.length() > 255 || tag.contains("/") || tag.contains(",")) {
                throw CloudError.badRequest("Invalid input for field 'tags': '%s' must be 1 to 255 characters "
                        + "without '/' or ','.", tag);
            }
        }
        return tags.stream().distinct().toList();
    }
}
