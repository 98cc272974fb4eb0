package dev.kumo.core.identity.role;

import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Role;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keystone's role resource options. The only one is {@code immutable}: an immutable role can be neither
 * changed (except to clear the option) nor deleted. Options live in the role's extra attributes under
 * {@value #KEY}, which the API renders as the role's {@code options} object.
 */
public final class RoleOptions {
    public static final String KEY = "options";
    public static final String IMMUTABLE = "immutable";

    private RoleOptions() {}

    /** The options a role has, {@code {}} when none. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(Role role) {
        Object options = role.extra().get(KEY);
        return options instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    public static boolean immutable(Role role) {
        return Boolean.TRUE.equals(of(role).get(IMMUTABLE));
    }

    /** {@code extra} with the role's options replaced by {@code current} updated with {@code changes}. */
    static Map<String, Object> apply(Map<String, Object> extra, Map<String, Object> current, Map<String, Object> changes) {
        Map<String, Object> options = new LinkedHashMap<>(current);
        if (changes != null) {
            changes.forEach((name, value) -> {
                if (!IMMUTABLE.equals(name)) {
                    throw CloudError.badRequest("Invalid input for field 'options': '%s' is not a role option; "
                            + "the only one is '%s'.", name, IMMUTABLE);
                }
                if (value != null && !(value instanceof Boolean)) {
                    throw CloudError.badRequest("Invalid input for field 'options.%s': expected a boolean or null.", name);
                }
                // Keystone: setting an option to null removes it
                if (value == null) {
                    options.remove(name);
                } else {
                    options.put(name, value);
                }
            });
        }
        Map<String, Object> result = new LinkedHashMap<>(extra);
        result.remove(KEY);
        if (!options.isEmpty()) {
            result.put(KEY, options);
        }
        return result;
    }

    /** Keystone lets an immutable role be updated only by a change that clears {@code immutable} and nothing else. */
    static boolean onlyClearsImmutable(RoleChanges in) {
        boolean onlyOptions = in.name() == null && in.description() == null && in.domainId() == null
                && (in.extra() == null || in.extra().isEmpty());
        return onlyOptions && in.options() != null && in.options().size() == 1 && in.options().containsKey(IMMUTABLE)
                && !Boolean.TRUE.equals(in.options().get(IMMUTABLE));
    }

    static void requireMutable(Role role, boolean delete) {
        if (immutable(role)) {
            throw CloudError.forbidden("Unable to %s immutable role resource: `%s. Set resource option \"immutable\" "
                    + "to false first.", delete ? "delete" : "update", role.id());
        }
    }
}
