package dev.kumo.store.network;

import dev.kumo.store.Database;
import dev.kumo.store.PostgresTestSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** The contract on PostgreSQL, in a schema of its own emptied before each test (see {@link PostgresTestSchema}). */
@Tag("postgres")
class PostgresNetworkStoreTest extends NetworkStoreContract {
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
        // kept for the next test; closed in dropSchema
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
