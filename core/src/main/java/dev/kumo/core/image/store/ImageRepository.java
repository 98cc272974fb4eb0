package dev.kumo.core.image.store;

import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageStatus;
import java.util.List;
import java.util.Optional;

/** Images with their tags and properties. */
public interface ImageRepository {
    Optional<Image> find(String id);

    /** One page of the images {@code query} selects, in its order, tags and properties included. */
    List<Image> list(ImageQuery query);

    void insert(Image image);

    /** Replaces every column, tag and property of the image with {@code image.id()}. */
    void update(Image image);

    /** Deletes the image, its tags, properties and members. */
    void delete(String id);

    /** Bytes of image data owned by {@code owner} (images with a size), for the storage quota. */
    long bytesOwnedBy(String owner);

    /** Every image in one of {@code statuses}: start-up recovery of uploads a crash interrupted. */
    List<Image> withStatus(List<ImageStatus> statuses);
}
