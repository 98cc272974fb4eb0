package dev.kumo.store.identity;

import dev.kumo.core.identity.store.IdentityStore;
import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.store.Database;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The identity store on a {@link Database}: {@link #read} runs on a reader connection in one transaction
 * that sees a consistent, committed snapshot; {@link #write} runs in one serialised transaction on the
 * writer, commits when the work returns and rolls back when it throws, rethrowing what it threw unchanged.
 * The one exception is a unique-constraint violation the services did not foresee, which becomes a 409
 * Conflict {@link dev.kumo.model.error.CloudException}; other database failures propagate as Jdbi's
 * unchecked exceptions.
 *
 * <p>A read inside a write is allowed (services load their snapshot that way) and sees the committed state,
 * without the write's own changes so far; a write inside a read or a write, or a read inside a read, is
 * refused with IllegalStateException, as it would wait for a connection its own thread holds.
 *
 * <p>Instants are kept to the millisecond. {@link #generation()} counts this process's committed writes,
 * not those of other nodes sharing a PostgreSQL database. Thread-safe.
 */
public final class SqlIdentityStore implements IdentityStore {
    private enum Nesting { NONE, READ, WRITE }

    private final Database database;
    private final AtomicLong generation = new AtomicLong();
    private final ThreadLocal<Nesting> nesting = ThreadLocal.withInitial(() -> Nesting.NONE);

    public SqlIdentityStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public <T> T read(Function<IdentityTx, T> work) {
        Objects.requireNonNull(work, "work");
        if (nesting.get() == Nesting.READ) {
            throw new IllegalStateException("IdentityStore.read may not run inside another read");
        }
        return within(Nesting.READ,
                () -> database.inReadTransaction(handle -> work.apply(new SqlIdentityTx(handle))));
    }

    @Override
    public <T> T write(Function<IdentityTx, T> work) {
        Objects.requireNonNull(work, "work");
        if (nesting.get() != Nesting.NONE) {
            throw new IllegalStateException("IdentityStore.write may not run inside a read or a write");
        }
        try {
            // Counted before the next write may begin, so that writer's snapshot check sees this write.
            return within(Nesting.WRITE, () -> database.inWriteTransaction(
                    handle -> work.apply(new SqlIdentityTx(handle)), generation::incrementAndGet));
        } catch (RuntimeException e) {
            throw UniqueViolations.translate(e);
        }
    }

    /** Incremented after each write this instance committed; starts at 0. */
    @Override
    public long generation() {
        return generation.get();
    }

    private <T> T within(Nesting kind, Supplier<T> transaction) {
        Nesting outer = nesting.get();
        nesting.set(kind);
        try {
            return transaction.get();
        } finally {
            nesting.set(outer);
        }
    }
}
