package dev.kumo.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.server.BootImage;
import dev.kumo.core.compute.server.ImageCatalog;
import dev.kumo.core.image.ImageService;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageStatus;
import java.util.Objects;
import java.util.Optional;

/** The compute service's view of the image service, in process, with the caller's own token. */
final class ComputeImageCatalog implements ImageCatalog {
    private final ImageService images;

    ComputeImageCatalog(ImageService images) {
        this.images = Objects.requireNonNull(images, "images");
    }

    @Override
    public Optional<BootImage> find(ComputeCaller caller, String id) {
        if (caller.token() == null) {
            return Optional.empty();
        }
        try {
            Image i = images.get(caller.token(), id);
            return Optional.of(new BootImage(i.id(), i.name(), i.status() == ImageStatus.ACTIVE, i.minDisk(), i.minRam(),
                    i.size() == null ? 0 : i.size(), i.diskFormat()));
        } catch (CloudException e) {
            return Optional.empty();
        }
    }
}
