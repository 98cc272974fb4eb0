package dev.kumo.core.compute.store;

import java.util.function.Function;

/**
 * Compute state in SQL. {@link #write} transactions are serialised with every other write of the cloud and
 * durable when they return; {@link #read} sees one committed snapshot. Whatever the work throws is rethrown.
 */
public interface ComputeStore {
    <T> T read(Function<ComputeTx, T> work);

    <T> T write(Function<ComputeTx, T> work);
}
