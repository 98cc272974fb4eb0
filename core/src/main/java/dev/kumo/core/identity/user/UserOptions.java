package dev.kumo.core.identity.user;

import dev.kumo.model.error.CloudError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keystone's user {@code options}: known names with typed values, kept with the user's extra attributes
 * under the key {@code options} and shown back as set. kumo stores them but enforces none of them.
 */
final class UserOptions {
    static final String KEY = "options";
    private static final Set<String> BOOLEANS = Set.of("ignore_change_password_upon_first_use",
            "ignore_password_expiry", "ignore_lockout_failure_attempts", "lock_password", "ignore_user_inactivity",
            "multi_factor_auth_enabled");
    private static final String MFA_RULES = "multi_factor_auth_rules";

    private UserOptions() {}

    /**
     * The extra attributes with {@code options} merged option by option into the old ones, as Keystone
     * updates them: a given option replaces the old value, a null one removes it.
     */
    static Map<String, Object> apply(Map<String, Object> extra, Object oldOptions) {
        if (extra == null || !extra.containsKey(KEY)) {
            return extra;
        }
        Map<String, Object> merged = new LinkedHashMap<>(asMap(oldOptions));
        Object given = extra.get(KEY);
        if (given != null) {
            if (!(given instanceof Map<?, ?> options)) {
                throw CloudError.badRequest("Invalid input for field 'options': expected a JSON object.");
            }
            options.forEach((k, v) -> {
                String name = String.valueOf(k);
                validate(name, v);
                if (v == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, v);
                }
            });
        }
        Map<String, Object> result = new LinkedHashMap<>(extra);
        result.put(KEY, merged.isEmpty() ? null : merged);
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object options) {
        return options instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static void validate(String name, Object value) {
        if (BOOLEANS.contains(name)) {
            if (value != null && !(value instanceof Boolean)) {
                throw CloudError.badRequest("Invalid input for field 'options/%s': expected a boolean.", name);
            }
        } else if (MFA_RULES.equals(name)) {
            if (value != null && !isListOfStringLists(value)) {
                throw CloudError.badRequest("Invalid input for field 'options/%s': expected a list of lists of "
                        + "authentication method names.", name);
            }
        } else {
            throw CloudError.badRequest("Invalid input for field 'options': Additional properties are not allowed "
                    + "('%s' was unexpected)", name);
        }
    }

    private static boolean isListOfStringLists(Object value) {
        return value instanceof List<?> rules && rules.stream().allMatch(rule -> rule instanceof List<?> methods
                && methods.stream().allMatch(String.class::isInstance));
    }
}
