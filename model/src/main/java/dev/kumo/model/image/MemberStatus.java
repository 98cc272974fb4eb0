package dev.kumo.model.image;

import java.util.Locale;

/** Where a sharing stands: offered ({@code pending}), {@code accepted} or {@code rejected} by the member. */
public enum MemberStatus {
    PENDING, ACCEPTED, REJECTED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null when {@code value} is not one of the three. */
    public static MemberStatus parse(String value) {
        for (MemberStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        return null;
    }
}
