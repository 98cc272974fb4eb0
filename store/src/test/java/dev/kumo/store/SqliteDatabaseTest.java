package dev.kumo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The SQLite settings and transaction discipline {@link Database} promises. */
class SqliteDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void everyPooledConnectionHasTheDurabilitySettings() {
        try (Database db = Database.sqlite(dir.resolve("nested/folder/kumo.db"))) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            List<Handle> readers = new ArrayList<>();
            try {
                // Hold every reader at once, so each connection of the pool is checked, not one of them four times.
                for (int i = 0; i < Database.SQLITE_READERS; i++) {
                    readers.add(db.reader().open());
                }
                for (Handle reader : readers) {
                    assertSettings(reader);
                    assertThat(pragma(reader, "query_only")).isEqualTo("1");
                }
            } finally {
                readers.forEach(Handle::close);
            }
            db.writer().useHandle(writer -> {
                assertSettings(writer);
                assertThat(pragma(writer, "query_only")).isEqualTo("0");
            });
        }
    }

    private static void assertSettings(Handle handle) {
        assertThat(pragma(handle, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(handle, "synchronous")).isEqualTo("2"); // FULL
        assertThat(pragma(handle, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(handle, "busy_timeout")).isEqualTo("10000");
    }

    private static String pragma(Handle handle, String name) {
        return handle.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }

    @Test
    void aWriteTransactionHoldsTheWriteLockFromItsStart() throws Exception {
        Path file = dir.resolve("kumo.db");
        try (Database db = Database.sqlite(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            Throwable thrown = db.inWriteTransaction(handle -> catchThrowable(() -> statement.execute("BEGIN IMMEDIATE")));
            assertThat(thrown).isInstanceOf(SQLiteException.class);
            assertThat(((SQLiteException) thrown).getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_BUSY);
            // Once the write has ended, the lock is free again.
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateTwice() {
        Path file = dir.resolve("kumo.db");
        int migrated;
        try (Database db = Database.sqlite(file)) {
            db.inWriteTransaction(h -> h.execute("INSERT INTO secret (name, value) VALUES ('k', 'v')"));
            migrated = appliedMigrations(db);
        }
        try (Database db = Database.sqlite(file)) {
            String value = db.inReadTransaction(h -> h.createQuery("SELECT value FROM secret").mapTo(String.class).one());
            assertThat(value).isEqualTo("v");
            // every service adds its own script (V1 identity, V2 network, ...): none may be applied twice
            assertThat(migrated).isPositive();
            assertThat(appliedMigrations(db)).isEqualTo(migrated);
        }
        assertThat(Files.exists(file)).isTrue();
    }

    private static int appliedMigrations(Database db) {
        return db.inReadTransaction(h -> h.createQuery(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL")
                .mapTo(Integer.class).one());
    }

    @Test
    void aFailedWriteRollsBackRethrowsUnchangedAndSkipsAfterCommit() {
        try (Database db = Database.sqlite(dir.resolve("kumo.db"))) {
            IllegalStateException failure = new IllegalStateException("stop");
            AtomicInteger commits = new AtomicInteger();
            Throwable thrown = catchThrowable(() -> db.inWriteTransaction(h -> {
                h.execute("INSERT INTO secret (name, value) VALUES ('k', 'v')");
                throw failure;
            }, commits::incrementAndGet));
            assertThat(thrown).isSameAs(failure);
            assertThat(commits).hasValue(0);
            db.inWriteTransaction(h -> h.execute("SELECT 1"), commits::incrementAndGet);
            assertThat(commits).hasValue(1);
            int rows = db.inReadTransaction(h -> h.createQuery("SELECT COUNT(*) FROM secret").mapTo(Integer.class).one());
            assertThat(rows).isZero();
        }
    }
}
