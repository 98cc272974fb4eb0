package dev.kumo.store.identity;

import dev.kumo.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The V4 repositories' contract on a new SQLite file per test. */
class SqliteIdentityExtrasStoreTest extends IdentityExtrasStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Database openEmptyDatabase() {
        return Database.sqlite(dir.resolve("kumo.db"));
    }
}
