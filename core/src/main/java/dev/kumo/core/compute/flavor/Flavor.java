package dev.kumo.core.compute.flavor;

import java.util.Map;
import java.util.Objects;

/** A server size. RAM and swap in MiB, disks in GiB, as Nova counts them. */
public record Flavor(String id, String name, int vcpus, int ramMb, int diskGb, int ephemeralGb, int swapMb,
                     double rxtxFactor, boolean isPublic, boolean disabled, String description,
                     Map<String, String> extraSpecs) {
    public Flavor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        extraSpecs = extraSpecs == null ? Map.of() : Map.copyOf(extraSpecs);
    }

    public Flavor withExtraSpecs(Map<String, String> specs) {
        return new Flavor(id, name, vcpus, ramMb, diskGb, ephemeralGb, swapMb, rxtxFactor, isPublic, disabled,
                description, specs);
    }
}
