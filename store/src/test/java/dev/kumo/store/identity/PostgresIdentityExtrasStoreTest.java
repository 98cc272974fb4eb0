package dev.kumo.store.identity;

import dev.kumo.store.Database;
import dev.kumo.store.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/**
 * The V4 repositories' contract on PostgreSQL, in a schema of its own whose tables are emptied before each test
 * (as {@link PostgresIdentityStoreTest} does). Fails, rather than skips, without {@code KUMO_TEST_POSTGRES_URL}.
 */
@Tag("postgres")
class PostgresIdentityExtrasStoreTest extends IdentityExtrasStoreContract {
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
