package dev.kumo.core.identity;

import java.util.HashMap;
import java.util.Map;

/**
 * Keystone's extra attributes: whatever a resource's body carries beyond its known fields, stored and
 * shown back as given. A null value cannot live in our immutable maps, so setting one removes it.
 */
public final class Extras {
    private Extras() {}

    /** The attributes of a new resource; null values are left out. */
    public static Map<String, Object> initial(Map<String, Object> given) {
        return merge(Map.of(), given);
    }

    /** {@code old} updated with {@code given}: new keys added, existing ones replaced, null ones removed. */
    public static Map<String, Object> merge(Map<String, Object> old, Map<String, Object> given) {
        Map<String, Object> merged = new HashMap<>(old);
        if (given != null) {
            given.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
        }
        return merged;
    }
}
