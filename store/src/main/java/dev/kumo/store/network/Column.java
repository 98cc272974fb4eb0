package dev.kumo.store.network;

import java.util.Objects;

/**
 * An attribute's SQL expression. Nullable columns sort through COALESCE so that NULLs sort alike on
 * SQLite (first) and PostgreSQL (last) and keyset comparisons never meet a NULL.
 */
record Column(String expression, boolean text, boolean nullable) {
    Column {
        Objects.requireNonNull(expression, "expression");
    }

    static Column text(String expression) {
        return new Column(expression, true, false);
    }

    static Column nullableText(String expression) {
        return new Column(expression, true, true);
    }

    static Column number(String expression) {
        return new Column(expression, false, false);
    }

    static Column nullableNumber(String expression) {
        return new Column(expression, false, true);
    }

    /** What ORDER BY and marker comparisons use. */
    String sortable() {
        if (!nullable) {
            return expression;
        }
        return "COALESCE(" + expression + ", " + (text ? "''" : "-1") + ")";
    }
}
