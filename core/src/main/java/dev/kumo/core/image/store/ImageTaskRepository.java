package dev.kumo.core.image.store;

import dev.kumo.model.image.ImageTask;
import java.util.List;

/** Import tasks; they go with their image when it is deleted. */
public interface ImageTaskRepository {
    void insert(ImageTask task);

    void update(ImageTask task);

    /** The image's tasks, oldest first. */
    List<ImageTask> forImage(String imageId);
}
