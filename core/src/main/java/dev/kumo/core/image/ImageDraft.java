package dev.kumo.core.image;

import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageStatus;
import dev.kumo.model.image.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** A mutable copy of an image that a patch is applied to, then frozen again with {@link #build}. */
final class ImageDraft {
    String name;
    Visibility visibility;
    boolean isProtected;
    boolean osHidden;
    String owner;
    String diskFormat;
    String containerFormat;
    int minDisk;
    int minRam;
    final LinkedHashSet<String> tags;
    final Map<String, String> properties;
    private final Image original;

    ImageDraft(Image image) {
        this.original = image;
        name = image.name();
        visibility = image.visibility();
        isProtected = image.isProtected();
        osHidden = image.osHidden();
        owner = image.owner();
        diskFormat = image.diskFormat();
        containerFormat = image.containerFormat();
        minDisk = image.minDisk();
        minRam = image.minRam();
        tags = new LinkedHashSet<>(image.tags());
        properties = new LinkedHashMap<>(image.properties());
    }

    Image build(Instant now) {
        Image o = original;
        ImageStatus status = o.status();
        return new Image(o.id(), name, status, visibility, isProtected, osHidden, owner, diskFormat, containerFormat,
                minDisk, minRam, o.size(), o.virtualSize(), o.checksum(), o.osHashAlgo(), o.osHashValue(), o.createdAt(),
                now, List.copyOf(new ArrayList<>(tags)), properties);
    }
}
