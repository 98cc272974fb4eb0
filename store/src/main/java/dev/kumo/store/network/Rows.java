package dev.kumo.store.network;

/** Checks on the row counts of writes. */
final class Rows {
    private Rows() {}

    /** An UPDATE of a row that is not there means the service worked from stale data: fail, don't pretend. */
    static void requireUpdated(int rows, String what, String id) {
        if (rows != 1) {
            throw new IllegalStateException("no " + what + " with id " + id + " to update");
        }
    }
}
