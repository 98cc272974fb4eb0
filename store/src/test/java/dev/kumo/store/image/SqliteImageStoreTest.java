package dev.kumo.store.image;

import dev.kumo.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteImageStoreTest extends ImageStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Database openEmptyDatabase() {
        return Database.sqlite(dir.resolve("kumo.db"));
    }
}
