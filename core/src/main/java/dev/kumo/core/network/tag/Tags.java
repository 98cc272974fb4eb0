package dev.kumo.core.network.tag;

import dev.kumo.core.network.NeutronErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of tags as Neutron does it: non-empty strings of at most 255 characters, no duplicates. */
public final class Tags {
    public static final int MAX_LENGTH = 255;

    private Tags() {}

    /** {@code tags} (null meaning none) if every one is valid, else 400 naming the offending tag. */
    public static List<String> valid(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String tag : tags) {
            valid(tag);
            if (!seen.add(tag)) {
                throw NeutronErrors.invalidAttribute("tags", "Duplicate items in the list: '" + tag + "'");
            }
        }
        return List.copyOf(tags);
    }

    public static String valid(String tag) {
        if (tag == null || tag.isEmpty()) {
            throw NeutronErrors.invalidAttribute("tags", "a tag may not be empty");
        }
        if (tag.length() > MAX_LENGTH) {
            throw NeutronErrors.invalidAttribute("tags", "'" + tag.substring(0, 40) + "...' exceeds maximum length of "
                    + MAX_LENGTH);
        }
        return tag;
    }
}
