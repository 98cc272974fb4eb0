package dev.kumo.store.compute;

import dev.kumo.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The instance action contract on a new SQLite file per test. */
class SqliteInstanceActionStoreTest extends InstanceActionStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Database openEmptyDatabase() {
        return Database.sqlite(dir.resolve("kumo.db"));
    }
}
