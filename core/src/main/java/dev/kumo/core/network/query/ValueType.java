package dev.kumo.core.network.query;

import dev.kumo.core.network.NeutronErrors;
import java.util.Locale;

/** The type of an attribute's value, and how query-string text converts to it (as Neutron's converters do). */
public enum ValueType {
    STRING, BOOLEAN, INTEGER;

    /** @throws dev.kumo.model.error.CloudException 400 naming the attribute when {@code raw} does not convert */
    public Object convert(String attribute, String raw) {
        return switch (this) {
            case STRING -> raw;
            case BOOLEAN -> toBoolean(attribute, raw);
            case INTEGER -> toInteger(attribute, raw);
        };
    }

    private static Boolean toBoolean(String attribute, String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw NeutronErrors.invalidAttribute(attribute, "'" + raw + "' cannot be converted to boolean");
        };
    }

    private static Long toInteger(String attribute, String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw NeutronErrors.invalidAttribute(attribute, "'" + raw + "' is not an integer");
        }
    }
}
