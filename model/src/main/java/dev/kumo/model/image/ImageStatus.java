package dev.kumo.model.image;

import java.util.Locale;

/**
 * Glance's image statuses: {@code queued} (no data), {@code saving} (data being uploaded),
 * {@code uploading} (data staged for import), {@code importing}, {@code active}, {@code deactivated};
 * {@code killed}, {@code deleted} and {@code pending_delete} exist in Glance's schema but kumo never
 * leaves an image in them (a failed upload returns to {@code queued}, a delete removes the row).
 */
public enum ImageStatus {
    QUEUED, SAVING, UPLOADING, IMPORTING, ACTIVE, DEACTIVATED, KILLED, DELETED, PENDING_DELETE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImageStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
