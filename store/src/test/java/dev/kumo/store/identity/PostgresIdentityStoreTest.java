package dev.kumo.store.identity;

import dev.kumo.store.Database;
import dev.kumo.store.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The contract on PostgreSQL, in a new schema for this class (see {@link PostgresTestSchema}) whose tables are
 * emptied before each test: migrating a schema per test would cost a third of a second each. Fails, rather
 * than skips, without {@code KUMO_TEST_POSTGRES_URL}: runs without PostgreSQL exclude the "postgres" tag.
 */
@Tag("postgres")
class PostgresIdentityStoreTest extends IdentityStoreContract {
    private static PostgresTestSchema schema;
    private static Database shared;

    @Override
    protected Database openEmptyDatabase() throws Exception {
        if (shared == null) {
            schema = PostgresTestSchema.create();
            shared = schema.open();
        } else {
            schema.truncateAll();
        }
        return shared;
    }

    @Override
    protected void releaseDatabase(Database database) {
        // Kept for the next test; closed in dropSchema.
    }

    @AfterAll
    static void dropSchema() throws Exception {
        if (shared != null) {
            shared.close();
            shared = null;
        }
        if (schema != null) {
            schema.drop();
            schema = null;
        }
    }
}
