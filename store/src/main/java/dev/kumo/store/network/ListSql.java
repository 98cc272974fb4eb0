package dev.kumo.store.network;

import dev.kumo.core.network.query.Attribute;
import dev.kumo.core.network.query.Filter;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.SortKey;
import dev.kumo.core.network.query.TagFilter;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.store.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Builds the SQL of a list request: visibility, attribute filters (values of one attribute are alternatives),
 * tag filters, the sort (the id always last, so every row has a unique position) and keyset pagination from
 * the marker row's sort values. Every value is a bound parameter.
 */
final class ListSql<A extends Attribute> {
    private final ResourceTable<A> table;
    private final Dialect dialect;
    private final Map<String, Object> binds = new HashMap<>();
    private final List<String> conditions = new ArrayList<>();

    private ListSql(ResourceTable<A> table, Dialect dialect) {
        this.table = table;
        this.dialect = dialect;
    }

    /** The one row with this id, if the viewer sees it. */
    static <A extends Attribute> SqlSelect byId(ResourceTable<A> table, Dialect dialect, String id, Viewer viewer) {
        var sql = new ListSql<>(table, dialect);
        sql.conditions.add(table.alias() + ".id = " + sql.bind(id));
        sql.visibility(viewer);
        return new SqlSelect(table.table(), table.alias(), String.join(" AND ", sql.conditions), "", null, sql.binds, false);
    }

    static <A extends Attribute> SqlSelect list(ResourceTable<A> table, Dialect dialect, Handle handle, ListQuery<A> query,
                                                Viewer viewer) {
        var sql = new ListSql<>(table, dialect);
        sql.visibility(viewer);
        query.filters().forEach(sql::filter);
        sql.tags(query.tags());
        List<Column> sortColumns = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        for (SortKey<A> key : query.sorts()) {
            sortColumns.add(table.column(key.attribute()));
            ascending.add(key.ascending());
        }
        sortColumns.add(Column.text(table.alias() + ".id"));
        ascending.add(true);
        boolean reverse = query.page().reverse() && query.page().limit() != null;
        if (query.page().marker() != null && query.page().limit() != null) {
            sql.after(handle, query.page().marker(), viewer, sortColumns, ascending, reverse);
        }
        String where = sql.conditions.isEmpty() ? "1 = 1" : String.join(" AND ", sql.conditions);
        return new SqlSelect(table.table(), table.alias(), where, sql.orderBy(sortColumns, ascending, reverse),
                query.page().limit(), sql.binds, reverse);
    }

    private void visibility(Viewer viewer) {
        if (!viewer.seesAll()) {
            binds.put("viewer", viewer.projectId() == null ? "" : viewer.projectId());
            conditions.add(table.visibleToViewer());
        }
    }

    private void filter(Filter<A> filter) {
        List<String> names = new ArrayList<>();
        for (Object value : filter.values()) {
            names.add(bindName(table.bindValue(filter.attribute(), value)));
        }
        Column column = table.column(filter.attribute());
        conditions.add(column == null ? table.filter(filter.attribute(), names)
                : column.expression() + " IN (" + String.join(", ", names.stream().map(n -> ":" + n).toList()) + ")");
    }

    private void tags(TagFilter tags) {
        String owner = table.alias() + ".id";
        String tagTable = table.tagTable();
        for (String tag : tags.all()) {
            conditions.add("EXISTS (SELECT 1 FROM " + tagTable + " t WHERE t.owner_id = " + owner + " AND t.tag = " + bind(tag) + ")");
        }
        if (!tags.any().isEmpty()) {
            conditions.add("EXISTS (SELECT 1 FROM " + tagTable + " t WHERE t.owner_id = " + owner + " AND t.tag IN ("
                    + bindAll(tags.any()) + "))");
        }
        if (!tags.notAll().isEmpty()) {
            conditions.add("(SELECT COUNT(*) FROM " + tagTable + " t WHERE t.owner_id = " + owner + " AND t.tag IN ("
                    + bindAll(tags.notAll()) + ")) < " + tags.notAll().stream().distinct().count());
        }
        if (!tags.notAny().isEmpty()) {
            conditions.add("NOT EXISTS (SELECT 1 FROM " + tagTable + " t WHERE t.owner_id = " + owner + " AND t.tag IN ("
                    + bindAll(tags.notAny()) + "))");
        }
    }

    /** Rows strictly after the marker in the page's direction: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... */
    private void after(Handle handle, String marker, Viewer viewer, List<Column> columns, List<Boolean> ascending,
                       boolean reverse) {
        SqlSelect markerRow = byId(table, dialect, marker, viewer);
        String select = String.join(", ", columns.stream().map(Column::sortable).toList());
        List<Object[]> found = handle.createQuery("SELECT " + select + " FROM " + table.table() + " " + table.alias()
                        + " WHERE " + markerRow.where()).bindMap(markerRow.binds())
                .map((rs, ctx) -> {
                    Object[] values = new Object[columns.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rs.getObject(i + 1);
                    }
                    return values;
                }).list();
        if (found.isEmpty()) {
            throw table.markerNotFound(marker);
        }
        Object[] values = found.getFirst();
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            StringBuilder alt = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                alt.append(compared(columns.get(j))).append(" = ").append(bind(values[j])).append(" AND ");
            }
            boolean forward = ascending.get(i) != reverse;
            alt.append(compared(columns.get(i))).append(forward ? " > " : " < ").append(bind(values[i])).append(")");
            alternatives.add(alt.toString());
        }
        conditions.add("(" + String.join(" OR ", alternatives) + ")");
    }

    private String orderBy(List<Column> columns, List<Boolean> ascending, boolean reverse) {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            terms.add(compared(columns.get(i)) + (ascending.get(i) != reverse ? " ASC" : " DESC"));
        }
        return " ORDER BY " + String.join(", ", terms);
    }

    /** Text compares byte-wise on both databases (PostgreSQL's default collation would not). */
    private String compared(Column column) {
        return column.text() && dialect == Dialect.POSTGRESQL ? column.sortable() + " COLLATE \"C\"" : column.sortable();
    }

    private String bindAll(List<String> values) {
        return String.join(", ", values.stream().map(this::bind).toList());
    }

    private String bind(Object value) {
        return ":" + bindName(value);
    }

    private String bindName(Object value) {
        String name = "p" + binds.size();
        binds.put(name, value);
        return name;
    }
}
