package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.flavor.Flavor;

/** Checks of a create request that need no lookups, in Nova's words. */
final class ServerRules {
    private static final long GIB = 1024L * 1024 * 1024;

    private ServerRules() {}

    static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute name. Value: %s. A server name of 1 to 255 characters is required.", name);
        }
    }

    static void checkCounts(int min, int max) {
        if (min < 1 || max < 1) {
            throw ComputeErrors.badRequest("min_count and max_count must be at least 1.");
        }
        if (min > max) {
            throw ComputeErrors.badRequest("min_count must be <= max_count");
        }
    }

    /** The flavor must be big enough for the image: RAM against min_ram, disk against min_disk and size. */
    static void checkFits(Flavor flavor, BootImage image) {
        if (flavor.ramMb() < image.minRamMb()) {
            throw ComputeErrors.badRequest("Flavor's memory is too small for requested image. Flavor %s has %d MB, the image needs at least %d MB.",
                    flavor.name(), flavor.ramMb(), image.minRamMb());
        }
        if (flavor.diskGb() == 0) {
            return; // a zero-disk flavor boots at the image's size
        }
        if (flavor.diskGb() < image.minDiskGb()) {
            throw ComputeErrors.badRequest("Flavor's disk is too small for requested image. Flavor %s has %d GB, the image needs at least %d GB.",
                    flavor.name(), flavor.diskGb(), image.minDiskGb());
        }
        if (flavor.diskGb() * GIB < image.sizeBytes()) {
            throw ComputeErrors.badRequest("Flavor's disk is too small for requested image. Flavor disk is %d bytes, image is %d bytes.",
                    flavor.diskGb() * GIB, image.sizeBytes());
        }
    }
}
