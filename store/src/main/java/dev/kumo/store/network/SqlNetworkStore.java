package dev.kumo.store.network;

import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.store.Database;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The network store on a {@link Database}: reads on a reader connection in one snapshot, writes in one
 * transaction serialised with every other write to the database (identity's included). A unique-constraint
 * violation the services did not foresee becomes a 409 Conflict; other database failures propagate.
 * Nesting either in the other is refused (it would wait for a connection its own thread holds). Thread-safe.
 */
public final class SqlNetworkStore implements NetworkStore {
    private final Database database;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    public SqlNetworkStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public <T> T read(Function<NetworkTx, T> work) {
        Objects.requireNonNull(work, "work");
        return outermost("read", () -> database.inReadTransaction(h -> work.apply(new SqlNetworkTx(h, database.dialect()))));
    }

    @Override
    public <T> T write(Function<NetworkTx, T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return outermost("write",
                    () -> database.inWriteTransaction(h -> work.apply(new SqlNetworkTx(h, database.dialect()))));
        } catch (RuntimeException e) {
            throw ConstraintViolations.translate(e);
        }
    }

    private <T> T outermost(String kind, Supplier<T> transaction) {
        if (inTransaction.get()) {
            throw new IllegalStateException("NetworkStore." + kind + " may not run inside another network transaction");
        }
        inTransaction.set(true);
        try {
            return transaction.get();
        } finally {
            inTransaction.set(false);
        }
    }
}
