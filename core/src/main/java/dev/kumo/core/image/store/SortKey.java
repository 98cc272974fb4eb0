package dev.kumo.core.image.store;

import java.util.Locale;

/** One sort criterion of an image listing; {@link Field} names the columns Glance allows sorting by. */
public record SortKey(Field field, boolean ascending) {
    public enum Field {
        NAME, STATUS, CONTAINER_FORMAT, DISK_FORMAT, SIZE, ID, CREATED_AT, UPDATED_AT;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Null when {@code value} is not sortable. */
        public static Field parse(String value) {
            for (Field f : values()) {
                if (f.wire().equals(value)) {
                    return f;
                }
            }
            return null;
        }
    }
}
