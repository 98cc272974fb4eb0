package dev.kumo.store.network;

import dev.kumo.store.Database;
import dev.kumo.store.SharedPostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;

/** The subnet pool contract on PostgreSQL (see {@link SharedPostgresDatabase}). */
@Tag("postgres")
class PostgresSubnetPoolStoreTest extends SubnetPoolStoreContract {
    private static final SharedPostgresDatabase POSTGRES = new SharedPostgresDatabase();

    @Override
    protected Database openEmptyDatabase() throws Exception {
        return POSTGRES.emptied();
    }

    @Override
    protected void releaseDatabase(Database database) {
        // kept for the next test; dropped after the class
    }

    @AfterAll
    static void dropSchema() throws Exception {
        POSTGRES.drop();
    }
}
