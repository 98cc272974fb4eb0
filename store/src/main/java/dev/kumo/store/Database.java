package dev.kumo.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * An open, migrated database with its connection pools.
 *
 * <p>Write transactions are serialised: within this process by a fair lock, across processes by the
 * database. SQLite gets two pools: a writer of one connection whose transactions begin IMMEDIATE (taking
 * SQLite's write lock at once), and a few readers that, under WAL, run concurrently with the writer and
 * see only committed data. PostgreSQL gets one pool for both; there a write transaction first takes a
 * transaction-scoped advisory lock, which serialises writers across every node sharing the database, and a
 * read transaction is REPEATABLE READ, READ ONLY so all its queries see one snapshot.
 *
 * <p>Use {@link #inReadTransaction} and {@link #inWriteTransaction} to get that discipline; {@link #reader()}
 * and {@link #writer()} are the raw pools. Thread-safe; close it once, when the process stops.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static final int SQLITE_READERS = 4;
    static final int POSTGRES_CONNECTIONS = 8;
    /** Any fixed number works; it only has to be the same on every node. ("kumo" in ASCII.) */
    static final long POSTGRES_WRITE_LOCK = 0x6b756d6fL;

    /** How long a write waits for the writes queued before it; then it fails rather than pile up. */
    public static final Duration WRITE_WAIT = Duration.ofSeconds(30);

    private final Dialect dialect;
    /** Fair, so writes run in the order they arrived. */
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final HikariDataSource readerPool;
    private final HikariDataSource writerPool;
    private final Jdbi reader;
    private final Jdbi writer;

    private Database(Dialect dialect, HikariDataSource readerPool, HikariDataSource writerPool) {
        this.dialect = dialect;
        this.readerPool = readerPool;
        this.writerPool = writerPool;
        this.reader = Jdbi.create(readerPool);
        this.writer = readerPool == writerPool ? reader : Jdbi.create(writerPool);
    }

    /** Opens (creating it and its parent folders if needed) and migrates the SQLite database in {@code file}. */
    public static Database sqlite(Path file) {
        Objects.requireNonNull(file, "file");
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file, e);
        }
        // Migrate on a connection of its own: Flyway may want more than the writer pool's single connection.
        Migrations.migrate(SqliteSettings.dataSource(file, SQLiteConfig.TransactionMode.DEFERRED));
        HikariDataSource writerPool = pool("kumo-sqlite-writer", 1,
                SqliteSettings.dataSource(file, SQLiteConfig.TransactionMode.IMMEDIATE), null);
        HikariDataSource readerPool;
        try {
            // query_only makes a write slipped into a read fail instead of bypassing the writer's serialisation.
            readerPool = pool("kumo-sqlite-reader", SQLITE_READERS,
                    SqliteSettings.dataSource(file, SQLiteConfig.TransactionMode.DEFERRED), "PRAGMA query_only = true");
        } catch (RuntimeException e) {
            writerPool.close();
            throw e;
        }
        LOG.info("Opened SQLite database {}", file.toAbsolutePath());
        return new Database(Dialect.SQLITE, readerPool, writerPool);
    }

    /**
     * Connects to PostgreSQL and migrates the schema the connection uses by default (its search path; pick
     * another with {@code currentSchema=NAME} in the URL).
     */
    public static Database postgres(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        HikariConfig config = new HikariConfig();
        config.setPoolName("kumo-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POSTGRES_CONNECTIONS);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Migrations.migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        // Without the query string, which may carry a password.
        LOG.info("Opened PostgreSQL database {}", jdbcUrl.replaceFirst("\\?.*", ""));
        return new Database(Dialect.POSTGRESQL, pool, pool);
    }

    private static HikariDataSource pool(String name, int size, DataSource connections, String initSql) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setDataSource(connections);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        if (initSql != null) {
            config.setConnectionInitSql(initSql);
        }
        return new HikariDataSource(config);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Connections for reading; with PostgreSQL the same pool as {@link #writer()}. */
    public Jdbi reader() {
        return reader;
    }

    /** Connections for writing; with SQLite a single connection whose transactions begin IMMEDIATE. */
    public Jdbi writer() {
        return writer;
    }

    /**
     * Runs {@code work} in a transaction on the reader that sees one consistent, committed snapshot. Whatever
     * {@code work} throws is rethrown unchanged after a rollback.
     */
    public <T> T inReadTransaction(Function<Handle, T> work) {
        return Transactions.run(reader, dialect == Dialect.POSTGRESQL
                ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY" : null, work);
    }

    /**
     * Runs {@code work} in a transaction on the writer, serialised with every other write transaction on this
     * database. Commits when {@code work} returns, so the result is durable once this returns; rolls back and
     * rethrows unchanged whatever {@code work} throws.
     *
     * @throws CloudException 503 if the writes queued before it keep it waiting longer than {@link #WRITE_WAIT}
     */
    public <T> T inWriteTransaction(Function<Handle, T> work) {
        return inWriteTransaction(work, () -> {});
    }

    /**
     * As {@link #inWriteTransaction(Function)}, and runs {@code afterCommit} once the transaction has committed
     * but before the next write transaction of this process begins: the place to publish that a write
     * happened, so that the next writer cannot start from a view that misses it.
     */
    public <T> T inWriteTransaction(Function<Handle, T> work, Runnable afterCommit) {
        Objects.requireNonNull(afterCommit, "afterCommit");
        // Queue writers here rather than in the pool: a writer waiting for the database then holds no
        // connection, so the one writing can still get a reader connection (services read inside writes),
        // and PostgreSQL's shared pool cannot fill up with writers waiting for the advisory lock.
        acquireWriteLock();
        try {
            T result = Transactions.run(writer, dialect == Dialect.POSTGRESQL
                    ? "SELECT pg_advisory_xact_lock(" + POSTGRES_WRITE_LOCK + ")" : null, work);
            afterCommit.run();
            return result;
        } finally {
            writeLock.unlock();
        }
    }

    private void acquireWriteLock() {
        try {
            if (!writeLock.tryLock(WRITE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CloudError.Unavailable("ServiceUnavailable",
                        "The database is busy with other changes; try again later.").exception();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudError.Unavailable("ServiceUnavailable", "Interrupted while waiting for the database.")
                    .exception();
        }
    }

    @Override
    public void close() {
        writerPool.close();
        if (readerPool != writerPool) {
            readerPool.close();
        }
    }
}
