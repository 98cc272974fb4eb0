package dev.kumo.core.compute.flavor;

import dev.kumo.core.compute.ComputeErrors;

/** What Nova's flavor schema accepts, with its messages. */
final class FlavorRules {
    private FlavorRules() {}

    static void check(Flavor f) {
        if (f.name() == null || f.name().isBlank() || f.name().length() > 255) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute name. Value: %s.", f.name());
        }
        if (f.vcpus() < 1) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute vcpus. Value: %d. %d is less than the minimum of 1", f.vcpus(), f.vcpus());
        }
        if (f.ramMb() < 1) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute ram. Value: %d. %d is less than the minimum of 1", f.ramMb(), f.ramMb());
        }
        if (f.diskGb() < 0 || f.ephemeralGb() < 0 || f.swapMb() < 0) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute disk. Disk sizes must not be negative.");
        }
        if (f.rxtxFactor() <= 0) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute rxtx_factor. Value: %s.", f.rxtxFactor());
        }
    }
}
