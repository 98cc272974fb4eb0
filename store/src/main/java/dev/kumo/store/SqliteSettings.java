package dev.kumo.store;

import java.nio.file.Path;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection settings every SQLite connection gets. They live in sqlite-jdbc's config rather than in
 * pool init SQL so that each connection, pooled or not, is opened with them.
 */
final class SqliteSettings {
    /** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private SqliteSettings() {}

    /**
     * WAL lets readers run while one writer writes; synchronous=FULL fsyncs the WAL at every commit, so an
     * acknowledged write survives a crash or power loss, not only a killed process.
     *
     * @param mode IMMEDIATE for the writer, so a write transaction takes the write lock when it begins and
     *             never fails half-way with SQLITE_BUSY when upgrading from a read lock; DEFERRED otherwise
     */
    static SQLiteDataSource dataSource(Path file, SQLiteConfig.TransactionMode mode) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(mode);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return dataSource;
    }
}
