package dev.kumo.core.network.store;

import java.util.function.Function;

/**
 * Runs work against the network tables.
 *
 * <p>{@link #write} runs in one transaction that commits when the function returns and rolls back when it
 * throws (rethrowing what it threw). Write transactions are serialised with every other write to the same
 * database, identity's included: what a write reads cannot change under it, which is what makes IPAM and
 * segment allocation free of double hand-outs. Reads inside a write go through the same transaction and
 * see its own changes. No blocking call other than the database belongs inside: driver calls come after.
 *
 * <p>{@link #read} runs in a read-only transaction that sees one committed snapshot, concurrently with
 * writes. Neither may be nested in the other.
 */
public interface NetworkStore {
    <T> T read(Function<NetworkTx, T> work);

    <T> T write(Function<NetworkTx, T> work);
}
