package dev.kumo.store;

/** The database products {@link Database} can open; the schema and SQL are shared, so little depends on it. */
public enum Dialect {
    SQLITE, POSTGRESQL
}
