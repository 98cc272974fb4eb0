package dev.kumo.model.image;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Glance image. {@code size}, {@code checksum} (md5), {@code osHashAlgo}/{@code osHashValue} and
 * {@code virtualSize} are null until data is uploaded; {@code properties} are the free-form string
 * properties (Glance's "extra properties": {@code os_distro}, {@code hw_*}, ...), whose values may be null.
 */
public record Image(String id, String name, ImageStatus status, Visibility visibility, boolean isProtected,
                    boolean osHidden, String owner, String diskFormat, String containerFormat, int minDisk,
                    int minRam, Long size, Long virtualSize, String checksum, String osHashAlgo, String osHashValue,
                    Instant createdAt, Instant updatedAt, List<String> tags, Map<String, String> properties) {
    public Image {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(visibility, "visibility");
        tags = List.copyOf(tags);
        // LinkedHashMap rather than Map.copyOf: values may be null (Glance allows null custom properties)
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public boolean hasData() {
        return size != null && checksum != null;
    }

    public Image withStatus(ImageStatus newStatus, Instant now) {
        return new Image(id, name, newStatus, visibility, isProtected, osHidden, owner, diskFormat, containerFormat,
                minDisk, minRam, size, virtualSize, checksum, osHashAlgo, osHashValue, createdAt, now, tags, properties);
    }

    /** The image with its data's facts recorded (or cleared, with nulls). */
    public Image withData(ImageStatus newStatus, ImageData data, Instant now) {
        return new Image(id, name, newStatus, visibility, isProtected, osHidden, owner, diskFormat, containerFormat,
                minDisk, minRam, data == null ? null : data.size(), data == null ? null : data.virtualSize(),
                data == null ? null : data.md5(), data == null ? null : ImageData.HASH_ALGO,
                data == null ? null : data.sha512(), createdAt, now, tags, properties);
    }
}
