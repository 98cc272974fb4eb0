package dev.kumo.core.image;

import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.Visibility;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Value checks shared by create and update, with the messages Glance's schema validation gives. */
final class ImageRules {
    static final Pattern UUID = Pattern.compile(
            "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$");
    /** Set by the service only. */
    static final Set<String> READ_ONLY = Set.of("created_at", "updated_at", "status", "checksum", "size",
            "virtual_size", "direct_url", "self", "file", "schema", "id", "os_hash_algo", "os_hash_value", "stores");
    static final Set<String> RESERVED = Set.of("location", "deleted", "deleted_at");
    static final String RESERVED_NAMESPACE = "os_glance";
    private static final int MAX_LENGTH = 255;

    private ImageRules() {}

    static String name(String name) {
        if (name != null && name.length() > MAX_LENGTH) {
            throw invalid("'%s' is too long", name);
        }
        return name;
    }

    static Visibility visibility(String value) {
        Visibility v = Visibility.parse(value);
        if (v == null) {
            throw invalid("'%s' is not one of ['community', 'public', 'private', 'shared']", value);
        }
        return v;
    }

    static String diskFormat(String value) {
        if (value != null && !Formats.DISK.contains(value)) {
            throw invalid("'%s' is not one of %s", value, enumText(Formats.DISK));
        }
        return value;
    }

    static String containerFormat(String value) {
        if (value != null && !Formats.CONTAINER.contains(value)) {
            throw invalid("'%s' is not one of %s", value, enumText(Formats.CONTAINER));
        }
        return value;
    }

    static int minimum(Integer value, String field) {
        if (value == null) {
            return 0;
        }
        if (value < 0) {
            throw CloudError.badRequest("Cannot set %s to a negative value: %d.", field, value);
        }
        return value;
    }

    static LinkedHashSet<String> tags(List<String> tags, int limit) {
        var out = new LinkedHashSet<String>();
        for (String tag : tags) {
            if (tag.length() > MAX_LENGTH) {
                throw invalid("'%s' is too long", tag);
            }
            out.add(tag);
        }
        if (out.size() > limit) {
            throw new CloudError.PayloadTooLarge("ImageTagLimitExceeded",
                    "Maximum number of tags exceeded: an image may have at most " + limit + " tags.").exception();
        }
        return out;
    }

    /** A custom property name the caller may set: not a read-only, base-only or reserved one. */
    static void requireSettableProperty(String key) {
        if (READ_ONLY.contains(key)) {
            throw CloudError.forbidden("Attribute '%s' is read-only.", key);
        }
        if (RESERVED.contains(key) || key.startsWith(RESERVED_NAMESPACE)) {
            throw CloudError.forbidden("Attribute '%s' is reserved.", key);
        }
        if (key.length() > MAX_LENGTH) {
            throw CloudError.badRequest("Custom property should not be greater than 255 characters.");
        }
    }

    static void requirePropertyCount(Map<String, String> properties, int limit) {
        if (properties.size() > limit) {
            throw new CloudError.PayloadTooLarge("ImagePropertyLimitExceeded",
                    "Maximum number of image properties exceeded: an image may have at most " + limit
                            + " properties.").exception();
        }
    }

    static RuntimeException invalid(String format, Object... args) {
        return CloudError.badRequest("Provided object does not match schema 'image': " + format, args);
    }

    private static String enumText(List<String> values) {
        return "[None, " + String.join(", ", values.stream().map(v -> "'" + v + "'").toList()) + "]";
    }
}
