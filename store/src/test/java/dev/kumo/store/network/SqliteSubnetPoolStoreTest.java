package dev.kumo.store.network;

import dev.kumo.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The subnet pool contract on a new SQLite file per test. */
class SqliteSubnetPoolStoreTest extends SubnetPoolStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Database openEmptyDatabase() {
        return Database.sqlite(dir.resolve("kumo.db"));
    }
}
