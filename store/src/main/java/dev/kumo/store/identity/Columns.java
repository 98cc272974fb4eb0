package dev.kumo.store.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversions between model values and column values that every repository needs. */
final class Columns {
    private Columns() {}

    /** Instants are stored as epoch milliseconds, the precision tokens carry; anything finer is dropped. */
    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** An UPDATE of a row that is not there means the caller worked from stale data: fail, don't pretend. */
    static void requireUpdated(int rows, String what, String id) {
        if (rows != 1) {
            throw new IllegalStateException("no " + what + " with id " + id + " to update");
        }
    }

    /** The one value of a zero-or-one-row result; a NULL value counts as absent. */
    static Optional<String> single(List<String> values) {
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.getFirst());
    }
}
