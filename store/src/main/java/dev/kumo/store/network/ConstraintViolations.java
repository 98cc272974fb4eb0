package dev.kumo.store.network;

import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import org.postgresql.util.PSQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A unique-constraint violation that the services did not foresee, as a 409 rather than a 500. The services
 * check what they can with better messages; this is the last resort for a write racing another node.
 */
final class ConstraintViolations {
    private static final String POSTGRES_UNIQUE_VIOLATION = "23505";

    private ConstraintViolations() {}

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof CloudException) {
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            boolean unique = (t instanceof SQLiteException e && (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY))
                    || (t instanceof PSQLException p && POSTGRES_UNIQUE_VIOLATION.equals(p.getSQLState()));
            if (unique) {
                return new CloudError.Conflict("Conflict", "The request conflicts with a concurrent change to the same "
                        + "network resources (an address, MAC or segment was just taken); try again.").exception();
            }
        }
        return failure;
    }
}
