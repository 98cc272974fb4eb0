package dev.kumo.store.image;

import dev.kumo.core.image.store.ImageQuery;
import dev.kumo.core.image.store.SortKey;
import dev.kumo.model.image.Image;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the SELECT for one page of {@link ImageQuery}: access rules and filters in the WHERE clause, the sort
 * keys plus {@code id} as a tie-breaker in ORDER BY, and keyset pagination after the marker (rows that sort
 * after it), so a page costs the same however deep it is. Nullable sort columns are compared through COALESCE
 * so that NULLs order consistently on SQLite and PostgreSQL. Only constants of this class go into the SQL
 * text; every value is a bound parameter.
 */
final class ImageListSql {
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> binds = new LinkedHashMap<>();
    private int nextParam;

    String sql(ImageQuery q) {
        access(q);
        visibility(q);
        filters(q);
        List<SortKey> keys = new ArrayList<>(q.sort());
        if (keys.stream().noneMatch(k -> k.field() == SortKey.Field.ID)) {
            keys.add(new SortKey(SortKey.Field.ID, keys.isEmpty() || keys.getLast().ascending()));
        }
        if (q.marker() != null) {
            after(keys, q.marker());
        }
        var order = new StringBuilder();
        for (SortKey k : keys) {
            order.append(order.isEmpty() ? "" : ", ").append(column(k.field())).append(k.ascending() ? " ASC" : " DESC");
        }
        return "SELECT i.* FROM image i WHERE " + where + " ORDER BY " + order + " LIMIT " + Math.max(0, q.limit());
    }

    Map<String, Object> binds() {
        return binds;
    }

    private void access(ImageQuery q) {
        if (q.admin()) {
            return;
        }
        String member = "EXISTS (SELECT 1 FROM image_member m WHERE m.image_id = i.id AND m.member_id = "
                + bind(q.viewerProject()) + (q.memberStatus() == null ? "" : " AND m.status = " + bind(q.memberStatus().wire()))
                + ")";
        and("(i.owner = " + bind(q.viewerProject()) + " OR i.visibility IN ('public', 'community')"
                + " OR (i.visibility = 'shared' AND " + member + "))");
    }

    private void visibility(ImageQuery q) {
        if (q.allVisibilities()) {
            return;
        }
        if (q.visibility() != null) {
            and("i.visibility = " + bind(q.visibility().wire()));
        } else if (q.viewerProject() == null) {
            and("i.visibility <> 'community'");
        } else {
            and("(i.visibility <> 'community' OR i.owner = " + bind(q.viewerProject()) + ")");
        }
    }

    private void filters(ImageQuery q) {
        in("i.id", q.ids());
        in("i.name", q.names());
        equal("i.status", q.status());
        equal("i.owner", q.owner());
        equal("i.disk_format", q.diskFormat());
        equal("i.container_format", q.containerFormat());
        equal("i.checksum", q.checksum());
        equal("i.os_hash_value", q.osHashValue());
        if (q.size() != null) {
            and("i.size = " + bind(q.size()));
        }
        if (q.sizeMin() != null) {
            and("i.size >= " + bind(q.sizeMin()));
        }
        if (q.sizeMax() != null) {
            and("i.size <= " + bind(q.sizeMax()));
        }
        if (q.isProtected() != null) {
            and("i.is_protected = " + bind(q.isProtected()));
        }
        and("i.os_hidden = " + bind(q.osHidden()));
        for (String tag : q.tags()) {
            and("EXISTS (SELECT 1 FROM image_tag t WHERE t.image_id = i.id AND t.tag = " + bind(tag) + ")");
        }
        q.properties().forEach((name, value) -> and("EXISTS (SELECT 1 FROM image_property p WHERE p.image_id = i.id"
                + " AND p.name = " + bind(name) + " AND p.value = " + bind(value) + ")"));
    }

    /** Rows strictly after the marker in the order of {@code keys}: (k1 > v1) OR (k1 = v1 AND k2 > v2) OR ... */
    private void after(List<SortKey> keys, Image marker) {
        var any = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            var all = new StringBuilder();
            for (int j = 0; j < i; j++) {
                all.append(column(keys.get(j).field())).append(" = ").append(bind(value(keys.get(j).field(), marker)))
                        .append(" AND ");
            }
            SortKey k = keys.get(i);
            all.append(column(k.field())).append(k.ascending() ? " > " : " < ").append(bind(value(k.field(), marker)));
            any.append(any.isEmpty() ? "" : " OR ").append('(').append(all).append(')');
        }
        and("(" + any + ")");
    }

    private static String column(SortKey.Field field) {
        return switch (field) {
            case NAME -> "COALESCE(i.name, '')";
            case STATUS -> "i.status";
            case CONTAINER_FORMAT -> "COALESCE(i.container_format, '')";
            case DISK_FORMAT -> "COALESCE(i.disk_format, '')";
            case SIZE -> "COALESCE(i.size, -1)";
            case ID -> "i.id";
            case CREATED_AT -> "i.created_at";
            case UPDATED_AT -> "i.updated_at";
        };
    }

    /** The marker's value of a sort column, COALESCEd as {@link #column} does. */
    private static Object value(SortKey.Field field, Image m) {
        return switch (field) {
            case NAME -> m.name() == null ? "" : m.name();
            case STATUS -> m.status().wire();
            case CONTAINER_FORMAT -> m.containerFormat() == null ? "" : m.containerFormat();
            case DISK_FORMAT -> m.diskFormat() == null ? "" : m.diskFormat();
            case SIZE -> m.size() == null ? -1L : m.size();
            case ID -> m.id();
            case CREATED_AT -> m.createdAt().toEpochMilli();
            case UPDATED_AT -> m.updatedAt().toEpochMilli();
        };
    }

    private void equal(String column, String value) {
        if (value != null) {
            and(column + " = " + bind(value));
        }
    }

    private void in(String column, List<String> values) {
        if (values == null) {
            return;
        }
        if (values.isEmpty()) {
            and("1 = 0");
            return;
        }
        var list = new StringBuilder();
        for (String v : values) {
            list.append(list.isEmpty() ? "" : ", ").append(bind(v));
        }
        and(column + " IN (" + list + ")");
    }

    private void and(String condition) {
        where.append(" AND ").append(condition);
    }

    private String bind(Object value) {
        String name = "p" + nextParam++;
        binds.put(name, value);
        return ":" + name;
    }
}
