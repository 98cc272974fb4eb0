package dev.kumo.model.image;

import java.util.Locale;

/**
 * Who sees an image: {@code public} everyone (only admins publish), {@code community} everyone but not in
 * default listings, {@code shared} the owner and the projects it is shared with, {@code private} the owner.
 */
public enum Visibility {
    PUBLIC, COMMUNITY, SHARED, PRIVATE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when {@code value} is not one of the four. */
    public static Visibility parse(String value) {
        for (Visibility v : values()) {
            if (v.wire().equals(value)) {
                return v;
            }
        }
        return null;
    }
}
