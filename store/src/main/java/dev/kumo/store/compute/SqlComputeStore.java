package dev.kumo.store.compute;

import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.core.compute.store.ComputeTx;
import dev.kumo.store.Database;
import java.util.Objects;
import java.util.function.Function;

/** Reads in one snapshot on a reader connection; writes in one serialised transaction on the writer. */
public final class SqlComputeStore implements ComputeStore {
    private final Database database;

    public SqlComputeStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public <T> T read(Function<ComputeTx, T> work) {
        return database.inReadTransaction(handle -> work.apply(new SqlComputeTx(handle)));
    }

    @Override
    public <T> T write(Function<ComputeTx, T> work) {
        return database.inWriteTransaction(handle -> work.apply(new SqlComputeTx(handle)));
    }
}
