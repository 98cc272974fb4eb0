package dev.kumo.api.image;

import dev.kumo.core.image.ImageDataService;
import dev.kumo.core.image.ImageService;
import dev.kumo.core.image.MemberService;
import java.util.Objects;

/** The image service's three parts, as the handlers need them. */
public record ImageServices(ImageService images, ImageDataService data, MemberService members) {
    public ImageServices {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(members, "members");
    }
}
