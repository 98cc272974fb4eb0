package dev.kumo.store.identity;

import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns a unique-constraint violation from either database into a 409 Conflict. A last resort: services
 * check for duplicates themselves and give better messages, but a write racing another node, or a check a
 * service forgot, must still come out as a conflict rather than as a 500.
 */
final class UniqueViolations {
    private static final String POSTGRES_UNIQUE_VIOLATION = "23505";
    // SQLite: "UNIQUE constraint failed: project.domain_id, project.name" or "... failed: index 'role_name_...'".
    private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: ([\\w.]+(?:, [\\w.]+)*)");
    // PostgreSQL's detail: "Key (domain_id, name)=(default, admin) already exists."
    private static final Pattern POSTGRES_KEY = Pattern.compile("Key \\(([\\w, ]+)\\)=");
    /** Expression indexes, which neither database describes by column. */
    private static final Map<String, Culprit> INDEXES =
            Map.of("role_name_domain_unique", new Culprit("role", List.of("name", "domain_id")));

    private UniqueViolations() {}

    /** {@code failure} itself unless a unique violation is among its causes; a CloudException is never changed. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof CloudException) {
            return failure;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException e && (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)) {
                return conflict(sqliteCulprit(String.valueOf(e.getMessage())));
            }
            if (t instanceof PSQLException e && POSTGRES_UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return conflict(postgresCulprit(e.getServerErrorMessage()));
            }
        }
        return failure;
    }

    private static CloudException conflict(Culprit culprit) {
        if (culprit == null) {
            return CloudError.conflict("Conflict", "Conflict occurred attempting to store the resource - duplicate entry.");
        }
        return CloudError.conflict("Conflict", "Conflict occurred attempting to store %s - duplicate %s.",
                culprit.resource(), String.join(" and ", culprit.columns()));
    }

    private static Culprit sqliteCulprit(String message) {
        for (Map.Entry<String, Culprit> index : INDEXES.entrySet()) {
            if (message.contains("'" + index.getKey() + "'")) {
                return index.getValue();
            }
        }
        Matcher m = SQLITE_COLUMNS.matcher(message);
        if (!m.find()) {
            return null;
        }
        List<String> qualified = Arrays.asList(m.group(1).split(", "));
        String table = qualified.getFirst().contains(".") ? qualified.getFirst().split("\\.")[0] : null;
        return table == null ? null : new Culprit(resourceName(table),
                qualified.stream().map(c -> c.substring(c.indexOf('.') + 1)).toList());
    }

    private static Culprit postgresCulprit(ServerErrorMessage server) {
        if (server == null) {
            return null;
        }
        if (server.getConstraint() != null && INDEXES.containsKey(server.getConstraint())) {
            return INDEXES.get(server.getConstraint());
        }
        Matcher m = server.getDetail() == null ? null : POSTGRES_KEY.matcher(server.getDetail());
        if (server.getTable() == null || m == null || !m.find()) {
            return null;
        }
        return new Culprit(resourceName(server.getTable()), Arrays.asList(m.group(1).split(", ")));
    }

    /** identity_user is a "user", role_assignment a "role assignment". */
    private static String resourceName(String table) {
        return table.replaceFirst("^identity_", "").replace('_', ' ');
    }

    private record Culprit(String resource, List<String> columns) {}
}
