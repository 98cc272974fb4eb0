package dev.kumo.core.image;

import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.ImageStatus;
import java.util.List;
import java.util.Set;

/**
 * Applies JSON-patch operations to an {@link ImageDraft} with Glance's semantics: {@code add} sets an attribute
 * whether or not it exists, {@code replace} needs an existing one (409 otherwise), {@code remove} works on custom
 * properties only (403 for base attributes, 409 when absent).
 */
final class ImagePatcher {
    /** Base attributes a patch may set. */
    private static final Set<String> BASE = Set.of("name", "visibility", "protected", "os_hidden", "owner",
            "disk_format", "container_format", "min_disk", "min_ram", "tags");

    private final Token caller;
    private final ImageSettings settings;
    private final ImageStatus status;

    ImagePatcher(Token caller, ImageSettings settings, ImageStatus status) {
        this.caller = caller;
        this.settings = settings;
        this.status = status;
    }

    void apply(ImageDraft draft, PatchOperation change) {
        String key = change.attribute();
        switch (change.op()) {
            case "add" -> set(draft, key, change.value(), false);
            case "replace" -> set(draft, key, change.value(), true);
            case "remove" -> remove(draft, key);
            default -> throw CloudError.badRequest("Invalid operation: `%s`. It must be one of the following: "
                    + "add, remove, replace.", change.op());
        }
    }

    private void set(ImageDraft draft, String key, Object value, boolean mustExist) {
        if (BASE.contains(key)) {
            setBase(draft, key, value);
            return;
        }
        ImageRules.requireSettableProperty(key);
        if (mustExist && !draft.properties.containsKey(key)) {
            throw CloudError.conflict("Conflict", "Property %s does not exist.", key);
        }
        if (value != null && !(value instanceof String)) {
            throw ImageRules.invalid("%s is not of type 'string'", render(value));
        }
        draft.properties.put(key, (String) value);
        ImageRules.requirePropertyCount(draft.properties, settings.propertiesPerImage());
    }

    private void setBase(ImageDraft draft, String key, Object value) {
        switch (key) {
            case "name" -> draft.name = ImageRules.name(nullableString(key, value));
            case "visibility" -> {
                var v = ImageRules.visibility(string(key, value));
                ImageAccess.requireMaySet(caller, v);
                draft.visibility = v;
            }
            case "protected" -> draft.isProtected = bool(key, value);
            case "os_hidden" -> draft.osHidden = bool(key, value);
            case "owner" -> {
                if (!ImageAccess.isAdmin(caller)) {
                    throw CloudError.forbidden("Owner can't be updated by non admin.");
                }
                draft.owner = nullableString(key, value);
            }
            case "disk_format" -> {
                requireQueued(key);
                draft.diskFormat = ImageRules.diskFormat(nullableString(key, value));
            }
            case "container_format" -> {
                requireQueued(key);
                draft.containerFormat = ImageRules.containerFormat(nullableString(key, value));
            }
            case "min_disk" -> draft.minDisk = ImageRules.minimum(integer(key, value), key);
            case "min_ram" -> draft.minRam = ImageRules.minimum(integer(key, value), key);
            case "tags" -> {
                draft.tags.clear();
                draft.tags.addAll(ImageRules.tags(strings(key, value), settings.tagsPerImage()));
            }
            default -> throw new IllegalStateException("unhandled base attribute " + key);
        }
    }

    private void remove(ImageDraft draft, String key) {
        if (BASE.contains(key)) {
            throw CloudError.forbidden("Property %s may not be removed.", key);
        }
        ImageRules.requireSettableProperty(key);
        if (!draft.properties.containsKey(key)) {
            throw CloudError.conflict("Conflict", "Property %s does not exist.", key);
        }
        draft.properties.remove(key);
    }

    /** Glance lets the formats change only before data is uploaded. */
    private void requireQueued(String key) {
        if (status != ImageStatus.QUEUED) {
            throw CloudError.forbidden("Attribute %s can be only replaced for a queued image.", key);
        }
    }

    private static String nullableString(String key, Object value) {
        if (value != null && !(value instanceof String)) {
            throw ImageRules.invalid("%s is not of type 'null', 'string'", render(value));
        }
        return (String) value;
    }

    private static String string(String key, Object value) {
        if (!(value instanceof String s)) {
            throw ImageRules.invalid("%s is not of type 'string'", render(value));
        }
        return s;
    }

    private static boolean bool(String key, Object value) {
        if (!(value instanceof Boolean b)) {
            throw ImageRules.invalid("%s is not of type 'boolean'", render(value));
        }
        return b;
    }

    private static Integer integer(String key, Object value) {
        if (!(value instanceof Long n) || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw ImageRules.invalid("%s is not of type 'integer'", render(value));
        }
        return n.intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String key, Object value) {
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw ImageRules.invalid("%s is not of type 'array' of strings", render(value));
        }
        return (List<String>) list;
    }

    private static String render(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
