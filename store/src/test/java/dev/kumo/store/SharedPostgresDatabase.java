package dev.kumo.store;

/**
 * One PostgreSQL schema and one open {@link Database} for a whole contract-test class, emptied before each
 * test (migrating a schema per test would cost a third of a second each) and dropped after the class.
 * Fails, rather than skips, without {@code KUMO_TEST_POSTGRES_URL}: runs without PostgreSQL exclude the
 * "postgres" tag.
 */
public final class SharedPostgresDatabase {
    private PostgresTestSchema schema;
    private Database database;

    /** The class's database with every table empty; created and migrated on first use. */
    public Database emptied() throws Exception {
        if (database == null) {
            schema = PostgresTestSchema.create();
            database = schema.open();
        } else {
            schema.truncateAll();
        }
        return database;
    }

    /** Closes the database and drops the schema; call from {@code @AfterAll}. */
    public void drop() throws Exception {
        if (database != null) {
            database.close();
            database = null;
        }
        if (schema != null) {
            schema.drop();
            schema = null;
        }
    }
}
