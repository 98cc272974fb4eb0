package dev.kumo.store.network;

import dev.kumo.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The agent and IP availability contract on a new SQLite file per test. */
class SqliteAgentAndIpAvailabilityStoreTest extends AgentAndIpAvailabilityStoreContract {
    @TempDir
    Path dir;

    @Override
    protected Database openEmptyDatabase() {
        return Database.sqlite(dir.resolve("kumo.db"));
    }
}
