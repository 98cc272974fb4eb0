package dev.kumo.core.identity.store;

import java.util.function.Function;

/**
 * Runs work against the identity tables. {@link #write} runs in one serialised transaction that
 * commits when the function returns and rolls back when it throws; {@link #read} sees committed data.
 * Neither may be nested, and no blocking call other than the database belongs inside.
 */
public interface IdentityStore {
    <T> T read(Function<IdentityTx, T> work);

    <T> T write(Function<IdentityTx, T> work);

    /** Increases after every committed write; readers use it to know their snapshot is stale. */
    long generation();
}
