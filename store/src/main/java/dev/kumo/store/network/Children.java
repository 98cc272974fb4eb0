package dev.kumo.store.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Child rows of a page of resources, fetched with one query per child table and grouped by owner. */
final class Children {
    private Children() {}

    /**
     * {@code SELECT owner, value FROM ... WHERE owner IN (page ids)}, grouped by owner in the query's order.
     *
     * @param sql selects the owner id as its first column; {@code :ids} is replaced by the page's id subquery
     */
    static <T> Map<String, List<T>> of(Handle handle, SqlSelect page, String sql, RowMapper<T> value) {
        Map<String, List<T>> out = new HashMap<>();
        handle.createQuery(sql.replace(":ids", page.ids())).bindMap(page.binds())
                .map((rs, ctx) -> Map.entry(rs.getString(1), value.map(rs, ctx)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** The tags of a page's resources. */
    static Map<String, List<String>> tags(Handle handle, SqlSelect page, String tagTable) {
        return of(handle, page, "SELECT owner_id, tag FROM " + tagTable + " WHERE owner_id IN (:ids)",
                (rs, ctx) -> rs.getString(2));
    }

    static void replaceTags(Handle handle, String tagTable, String ownerId, List<String> tags) {
        handle.createUpdate("DELETE FROM " + tagTable + " WHERE owner_id = :owner").bind("owner", ownerId).execute();
        if (tags.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO " + tagTable + " (owner_id, tag) VALUES (:owner, :tag)");
        for (String tag : tags) {
            batch.bind("owner", ownerId).bind("tag", tag).add();
        }
        batch.execute();
    }
}
