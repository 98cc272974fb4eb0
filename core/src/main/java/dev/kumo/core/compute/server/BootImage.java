package dev.kumo.core.compute.server;

import java.util.Objects;

/** What the compute service needs to know of an image: whether it is usable and how big a flavor it needs. */
public record BootImage(String id, String name, boolean active, int minDiskGb, int minRamMb, long sizeBytes,
                        String diskFormat) {
    public BootImage {
        Objects.requireNonNull(id, "id");
    }
}
