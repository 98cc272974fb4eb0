package dev.kumo.store.image;

import dev.kumo.core.image.store.ImageTaskRepository;
import dev.kumo.model.image.ImageTask;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** Rows of {@code image_task}. */
final class SqlImageTaskRepository implements ImageTaskRepository {
    private static final RowMapper<ImageTask> MAPPER = (rs, ctx) -> new ImageTask(rs.getString("id"),
            rs.getString("image_id"), rs.getString("status"), rs.getString("owner"), rs.getString("user_id"),
            rs.getString("request_id"), rs.getString("import_method"), rs.getString("message"),
            Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));

    private final Handle handle;

    SqlImageTaskRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public void insert(ImageTask t) {
        handle.createUpdate("""
                        INSERT INTO image_task (id, image_id, status, owner, user_id, request_id, import_method, message,
                            created_at, updated_at)
                        VALUES (:id, :image, :status, :owner, :user, :request, :method, :message, :created, :updated)""")
                .bind("id", t.id()).bind("image", t.imageId()).bind("status", t.status()).bind("owner", t.owner())
                .bind("user", t.userId()).bind("request", t.requestId()).bind("method", t.importMethod())
                .bind("message", t.message()).bind("created", t.createdAt().toEpochMilli())
                .bind("updated", t.updatedAt().toEpochMilli()).execute();
    }

    @Override
    public void update(ImageTask t) {
        handle.createUpdate("UPDATE image_task SET status = :status, message = :message, updated_at = :updated WHERE id = :id")
                .bind("id", t.id()).bind("status", t.status()).bind("message", t.message())
                .bind("updated", t.updatedAt().toEpochMilli()).execute();
    }

    @Override
    public List<ImageTask> forImage(String imageId) {
        return handle.createQuery("SELECT * FROM image_task WHERE image_id = :image ORDER BY created_at, id")
                .bind("image", imageId).map(MAPPER).list();
    }
}
