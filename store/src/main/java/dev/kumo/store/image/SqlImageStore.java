package dev.kumo.store.image;

import dev.kumo.core.image.store.ImageStore;
import dev.kumo.core.image.store.ImageTx;
import dev.kumo.store.Database;
import java.util.Objects;
import java.util.function.Function;

/**
 * The image store on a {@link Database}: reads in one snapshot on a reader connection, writes in one serialised
 * transaction on the writer (reads inside a write go through the same transaction and see its changes).
 * Whatever the work throws is rethrown unchanged after a rollback. Thread-safe.
 */
public final class SqlImageStore implements ImageStore {
    private final Database database;

    public SqlImageStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public <T> T read(Function<ImageTx, T> work) {
        return database.inReadTransaction(handle -> work.apply(new SqlImageTx(handle)));
    }

    @Override
    public <T> T write(Function<ImageTx, T> work) {
        return database.inWriteTransaction(handle -> work.apply(new SqlImageTx(handle)));
    }
}
