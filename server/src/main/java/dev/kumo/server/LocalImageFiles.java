package dev.kumo.server;

import dev.kumo.core.compute.server.BootImageFiles;
import dev.kumo.core.image.store.ImageStore;
import dev.kumo.model.image.Image;
import dev.kumo.spi.compute.SpawnRequest;
import dev.kumo.spi.image.ImageDataStore;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The compute service's view of where image bytes are on this host: the image store's committed file, the
 * image's disk format, and for kernel+ramdisk images the files of its {@code kernel_id}/{@code ramdisk_id}
 * images and its {@code os_command_line}. Read without a token: the API already checked at create time that
 * the caller may boot the image.
 */
final class LocalImageFiles implements BootImageFiles {
    private final ImageStore images;
    private final ImageDataStore data;

    LocalImageFiles(ImageStore images, ImageDataStore data) {
        this.images = Objects.requireNonNull(images, "images");
        this.data = Objects.requireNonNull(data, "data");
    }

    @Override
    public SpawnRequest.ImageSpec locate(String imageId) {
        Optional<Image> image = images.read(tx -> tx.images().find(imageId));
        String format = image.map(Image::diskFormat).orElse(null);
        var props = image.map(Image::properties).orElse(java.util.Map.of());
        return new SpawnRequest.ImageSpec(imageId, format, file(imageId), file(props.get("kernel_id")),
                file(props.get("ramdisk_id")), props.get("os_command_line"));
    }

    private String file(String imageId) {
        if (imageId == null || imageId.isBlank()) {
            return null;
        }
        return data.localFile(imageId).map(Path::toString).orElse(null);
    }
}
