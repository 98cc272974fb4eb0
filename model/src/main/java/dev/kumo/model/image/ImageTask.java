package dev.kumo.model.image;

import java.time.Instant;
import java.util.Objects;

/**
 * An import of staged data into an image (Glance's {@code api_image_import} task, listed by
 * {@code GET /v2/images/{id}/tasks}): {@code status} is processing, success or failure; {@code requestId} is
 * the id of the import request, so a caller can match the task to its call.
 */
public record ImageTask(String id, String imageId, String status, String owner, String userId, String requestId,
                        String importMethod, String message, Instant createdAt, Instant updatedAt) {
    public static final String TYPE = "api_image_import";

    public ImageTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(status, "status");
    }

    public ImageTask finished(String newStatus, String newMessage, Instant now) {
        return new ImageTask(id, imageId, newStatus, owner, userId, requestId, importMethod, newMessage, createdAt, now);
    }
}
