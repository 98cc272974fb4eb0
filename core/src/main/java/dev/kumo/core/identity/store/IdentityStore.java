package dev.kumo.core.identity.store;

import java.util.function.Function;

/**
 * Runs work against the identity tables. {@link #write} runs in one serialised transaction that
 * commits when the function returns and rolls back when it throws; {@link #read} sees committed data.
 * A read may run inside a write (services validate against the committed snapshot: no other write can
 * commit meanwhile); a write inside anything, or a read inside a read, is refused. No blocking call
 * other than the database belongs inside.
 */
public interface IdentityStore {
    <T> T read(Function<IdentityTx, T> work);

    <T> T write(Function<IdentityTx, T> work);

    /**
     * Increases after every committed write, before the next write may start; readers use it to know
     * their snapshot is stale. Per process: several nodes sharing one database need a shared counter.
     */
    long generation();
}
