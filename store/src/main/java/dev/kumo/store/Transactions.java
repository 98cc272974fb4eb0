package dev.kumo.store;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One transaction on a handle of its own: commit on return, rollback on any throwable, which is rethrown as is. */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private Transactions() {}

    /** @param prologue SQL run first in the transaction (isolation, locks), or null */
    static <T> T run(Jdbi jdbi, String prologue, Function<Handle, T> work) {
        try (Handle handle = jdbi.open()) {
            handle.begin();
            T result;
            try {
                if (prologue != null) {
                    execute(handle, prologue);
                }
                result = work.apply(handle);
                handle.commit();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(handle, e);
                throw e;
            }
            return result;
        }
    }

    /** Plain JDBC: the prologues are SET and SELECT statements whose results nobody reads. */
    private static void execute(Handle handle, String sql) {
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot start the transaction: " + sql, e);
        }
    }

    /** The original failure is what the caller must see; a failing rollback is only logged. */
    private static void rollbackQuietly(Handle handle, Throwable cause) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (RuntimeException e) {
            LOG.warn("Rollback failed after {}", cause.toString(), e);
        }
    }
}
