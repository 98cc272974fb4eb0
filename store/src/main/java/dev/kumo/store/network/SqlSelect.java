package dev.kumo.store.network;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * A list query turned into SQL: a WHERE clause with its bound values, an ORDER BY, a LIMIT, and whether the
 * page was read backwards (and must be reversed).
 */
record SqlSelect(String table, String alias, String where, String orderBy, Integer limit, Map<String, Object> binds,
                 boolean reversed) {
    SqlSelect {
        Objects.requireNonNull(where, "where");
        binds = Map.copyOf(binds);
    }

    /** The matching rows' {@code columns}, in page order (reversed back if read backwards). */
    <T> List<T> rows(Handle handle, String columns, RowMapper<T> mapper) {
        List<T> rows = handle.createQuery("SELECT " + columns + " FROM " + table + " " + alias + " WHERE " + where
                        + orderBy + (limit == null ? "" : " LIMIT " + limit))
                .bindMap(binds).map(mapper).list();
        if (reversed) {
            return rows.reversed();
        }
        return rows;
    }

    /** A subquery giving the ids of exactly the rows {@link #rows} returns, for fetching their child rows. */
    String ids() {
        return "SELECT " + alias + ".id FROM " + table + " " + alias + " WHERE " + where + orderBy
                + (limit == null ? "" : " LIMIT " + limit);
    }
}
