package dev.kumo.core.network;

/** Length limits Neutron's attribute validators apply to names and descriptions. */
public final class TextRules {
    /** Neutron's NAME_MAX_LEN and DESCRIPTION_MAX_LEN. */
    public static final int MAX_LENGTH = 255;

    private TextRules() {}

    /** {@code value} if it is at most 255 characters, else 400 naming the attribute. */
    public static String limited(String attribute, String value) {
        if (value != null && value.length() > MAX_LENGTH) {
            throw NeutronErrors.invalidAttribute(attribute, "'" + abbreviate(value) + "' exceeds maximum length of " + MAX_LENGTH);
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }
}
