package dev.kumo.core.compute.server;

import dev.kumo.spi.compute.SpawnRequest;

/**
 * Where the compute host finds an image's bytes for the virt driver: the local file of the image's committed
 * data and its disk format, and for a kernel+ramdisk image the files of its {@code kernel_id} and
 * {@code ramdisk_id} images. Implemented where services are wired (the image service's data store); the
 * driver copies what it needs, so the files only have to exist during spawn.
 */
@FunctionalInterface
public interface BootImageFiles {
    /** The image as the driver sees it; path null when this host has no data for it. */
    SpawnRequest.ImageSpec locate(String imageId);

    /** For drivers that need no image bytes (the fake driver): the id only. */
    static BootImageFiles none() {
        return id -> new SpawnRequest.ImageSpec(id, null, null);
    }
}
