package dev.kumo.api.http;

import dev.kumo.model.error.CloudError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/** Timestamps in request bodies: ISO 8601, a time without a zone being UTC, as OpenStack reads them. */
public final class Timestamps {
    private Timestamps() {}

    /** Null or empty text is null; anything unparseable is a 400 naming the field. */
    public static Instant parse(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime odt ? odt.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                throw CloudError.badRequest("Invalid input for field '%s': '%s' is not an ISO 8601 timestamp "
                        + "such as 2030-01-31T12:00:00Z.", field, text);
            }
        }
    }
}
