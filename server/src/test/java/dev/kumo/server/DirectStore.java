package dev.kumo.server;

import dev.kumo.core.identity.store.IdentityTx;
import dev.kumo.store.Database;
import dev.kumo.store.identity.SqlIdentityStore;
import java.util.function.Function;

/**
 * A second connection to a running {@link TestCloud}'s database, for what the API cannot do yet (role
 * grants) or does not show (rows a deletion must have removed). The server's snapshot only notices these
 * writes after its own next write.
 */
final class DirectStore implements AutoCloseable {
    private final Database database;
    private final SqlIdentityStore store;

    private DirectStore(Database database) {
        this.database = database;
        this.store = new SqlIdentityStore(database);
    }

    static DirectStore of(TestCloud cloud) {
        return new DirectStore(Database.sqlite(cloud.stateDir().resolve("kumo.db")));
    }

    <T> T read(Function<IdentityTx, T> work) {
        return store.read(work);
    }

    <T> T write(Function<IdentityTx, T> work) {
        return store.write(work);
    }

    /** The id of a global role, e.g. "member". */
    String roleId(String name) {
        return read(tx -> tx.roles().all().stream().filter(r -> r.domainId() == null && r.name().equals(name))
                .findFirst().orElseThrow().id());
    }

    @Override
    public void close() {
        database.close();
    }
}
