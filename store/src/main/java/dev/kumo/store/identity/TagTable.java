package dev.kumo.store.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A child table of tags (owner id, position, tag), shared by domains and projects. Tags are rows rather than
 * JSON so that they can be filtered in SQL later; the position keeps the model's order and duplicates.
 */
final class TagTable {
    private final String table;
    private final String ownerColumn;

    /** Both names are constants of this package, never input: they are put into SQL as they are. */
    TagTable(String table, String ownerColumn) {
        this.table = table;
        this.ownerColumn = ownerColumn;
    }

    /** Every owner's tags, in order; owners without tags are absent. */
    Map<String, List<String>> all(Handle handle) {
        Map<String, List<String>> tags = new HashMap<>();
        handle.createQuery("SELECT " + ownerColumn + ", tag FROM " + table + " ORDER BY " + ownerColumn + ", seq")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return tags;
    }

    void insert(Handle handle, String ownerId, List<String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO " + table + " (" + ownerColumn + ", seq, tag) VALUES (:owner, :seq, :tag)");
        for (int i = 0; i < tags.size(); i++) {
            batch.bind("owner", ownerId).bind("seq", i).bind("tag", tags.get(i)).add();
        }
        batch.execute();
    }

    void replace(Handle handle, String ownerId, List<String> tags) {
        handle.createUpdate("DELETE FROM " + table + " WHERE " + ownerColumn + " = :owner")
                .bind("owner", ownerId)
                .execute();
        insert(handle, ownerId, tags);
    }
}
