package dev.kumo.store.network;

import dev.kumo.core.network.query.Attribute;
import java.util.List;

/** How list queries see one resource's table. All names are constants of this package, never input. */
interface ResourceTable<A extends Attribute> {
    String table();

    String alias();

    /** The resource's tag table (owner_id, tag). */
    String tagTable();

    /** The column of a plain attribute, or null for attributes {@link #filter} handles itself. */
    Column column(A attribute);

    /** A condition for an attribute without a plain column (e.g. one matched against child rows). */
    default String filter(A attribute, List<String> bindNames) {
        throw new IllegalArgumentException(attribute.apiName() + " has no filter");
    }

    /** The value bound for a filter value (e.g. a substring made into a LIKE pattern). */
    default Object bindValue(A attribute, Object value) {
        return value;
    }

    /** What a project sees, as a condition on the row; {@code :viewer} is the project id. */
    String visibleToViewer();

    /** The error for a marker the viewer does not see. */
    RuntimeException markerNotFound(String marker);
}
