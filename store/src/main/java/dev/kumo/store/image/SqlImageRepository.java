package dev.kumo.store.image;

import dev.kumo.core.image.store.ImageQuery;
import dev.kumo.core.image.store.ImageRepository;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageStatus;
import dev.kumo.model.image.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** Images in {@code image}, their tags in {@code image_tag}, custom properties in {@code image_property}. */
final class SqlImageRepository implements ImageRepository {
    private final Handle handle;

    SqlImageRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public Optional<Image> find(String id) {
        List<Row> rows = handle.createQuery("SELECT * FROM image WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).list();
        return complete(rows).stream().findFirst();
    }

    @Override
    public List<Image> list(ImageQuery query) {
        var sql = new ImageListSql();
        Query select = handle.createQuery(sql.sql(query));
        sql.binds().forEach(select::bind);
        return complete(select.map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public void insert(Image image) {
        handle.createUpdate("""
                        INSERT INTO image (id, name, status, visibility, is_protected, os_hidden, owner, disk_format,
                            container_format, min_disk, min_ram, size, virtual_size, checksum, os_hash_algo,
                            os_hash_value, created_at, updated_at)
                        VALUES (:id, :name, :status, :visibility, :isProtected, :osHidden, :owner, :diskFormat,
                            :containerFormat, :minDisk, :minRam, :size, :virtualSize, :checksum, :osHashAlgo,
                            :osHashValue, :createdAt, :updatedAt)""")
                .bindMap(columns(image)).execute();
        insertChildren(image);
    }

    @Override
    public void update(Image image) {
        int rows = handle.createUpdate("""
                        UPDATE image SET name = :name, status = :status, visibility = :visibility,
                            is_protected = :isProtected, os_hidden = :osHidden, owner = :owner,
                            disk_format = :diskFormat, container_format = :containerFormat, min_disk = :minDisk,
                            min_ram = :minRam, size = :size, virtual_size = :virtualSize, checksum = :checksum,
                            os_hash_algo = :osHashAlgo, os_hash_value = :osHashValue, created_at = :createdAt,
                            updated_at = :updatedAt
                        WHERE id = :id""")
                .bindMap(columns(image)).execute();
        if (rows != 1) {
            throw new IllegalStateException("no image with id " + image.id() + " to update");
        }
        handle.createUpdate("DELETE FROM image_tag WHERE image_id = :id").bind("id", image.id()).execute();
        handle.createUpdate("DELETE FROM image_property WHERE image_id = :id").bind("id", image.id()).execute();
        insertChildren(image);
    }

    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM image WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public long bytesOwnedBy(String owner) {
        return handle.createQuery("SELECT COALESCE(SUM(size), 0) FROM image WHERE owner = :owner")
                .bind("owner", owner).mapTo(Long.class).one();
    }

    @Override
    public List<Image> withStatus(List<ImageStatus> statuses) {
        return complete(handle.createQuery("SELECT * FROM image WHERE status IN (<statuses>)")
                .bindList("statuses", statuses.stream().map(ImageStatus::wire).toList())
                .map((rs, ctx) -> row(rs)).list());
    }

    private void insertChildren(Image image) {
        if (!image.tags().isEmpty()) {
            PreparedBatch tags = handle.prepareBatch("INSERT INTO image_tag (image_id, tag) VALUES (:id, :tag)");
            image.tags().forEach(t -> tags.bind("id", image.id()).bind("tag", t).add());
            tags.execute();
        }
        if (!image.properties().isEmpty()) {
            PreparedBatch props = handle.prepareBatch(
                    "INSERT INTO image_property (image_id, name, value) VALUES (:id, :name, :value)");
            image.properties().forEach((k, v) -> props.bind("id", image.id()).bind("name", k).bind("value", v).add());
            props.execute();
        }
    }

    private static Map<String, Object> columns(Image i) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", i.id());
        c.put("name", i.name());
        c.put("status", i.status().wire());
        c.put("visibility", i.visibility().wire());
        c.put("isProtected", i.isProtected());
        c.put("osHidden", i.osHidden());
        c.put("owner", i.owner());
        c.put("diskFormat", i.diskFormat());
        c.put("containerFormat", i.containerFormat());
        c.put("minDisk", i.minDisk());
        c.put("minRam", i.minRam());
        c.put("size", i.size());
        c.put("virtualSize", i.virtualSize());
        c.put("checksum", i.checksum());
        c.put("osHashAlgo", i.osHashAlgo());
        c.put("osHashValue", i.osHashValue());
        c.put("createdAt", i.createdAt().toEpochMilli());
        c.put("updatedAt", i.updatedAt().toEpochMilli());
        return c;
    }

    /** Adds tags and properties to a page of rows with one query each. */
    private List<Image> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(Row::id).toList();
        Map<String, List<String>> tags = new HashMap<>();
        handle.createQuery("SELECT image_id, tag FROM image_tag WHERE image_id IN (<ids>) ORDER BY tag")
                .bindList("ids", ids).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, Map<String, String>> props = new HashMap<>();
        handle.createQuery("SELECT image_id, name, value FROM image_property WHERE image_id IN (<ids>) ORDER BY name")
                .bindList("ids", ids).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(p -> props.computeIfAbsent(p[0], k -> new LinkedHashMap<>()).put(p[1], p[2]));
        return rows.stream().map(r -> r.image(tags.getOrDefault(r.id(), List.of()), props.getOrDefault(r.id(), Map.of())))
                .toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("name"), rs.getString("status"), rs.getString("visibility"),
                rs.getBoolean("is_protected"), rs.getBoolean("os_hidden"), rs.getString("owner"),
                rs.getString("disk_format"), rs.getString("container_format"), rs.getInt("min_disk"),
                rs.getInt("min_ram"), nullableLong(rs, "size"), nullableLong(rs, "virtual_size"),
                rs.getString("checksum"), rs.getString("os_hash_algo"), rs.getString("os_hash_value"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** An image row before its tags and properties are attached. */
    private record Row(String id, String name, String status, String visibility, boolean isProtected, boolean osHidden,
                       String owner, String diskFormat, String containerFormat, int minDisk, int minRam, Long size,
                       Long virtualSize, String checksum, String osHashAlgo, String osHashValue, Instant createdAt,
                       Instant updatedAt) {
        Image image(List<String> tags, Map<String, String> properties) {
            return new Image(id, name, ImageStatus.fromWire(status),
                    Visibility.valueOf(visibility.toUpperCase(Locale.ROOT)), isProtected, osHidden, owner, diskFormat,
                    containerFormat, minDisk, minRam, size, virtualSize, checksum, osHashAlgo, osHashValue, createdAt,
                    updatedAt, tags, properties);
        }
    }
}
