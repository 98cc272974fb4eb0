package dev.kumo.core.compute.flavor;

import java.util.List;
import java.util.Map;

/**
 * The flavors every OpenStack install used to create, with the same ids. m1.tiny is 512 MiB and 1 GiB: the
 * built-in image needs 96 MiB RAM and a 64 MiB disk, so it fits.
 */
public final class DefaultFlavors {
    private DefaultFlavors() {}

    public static List<Flavor> all() {
        return List.of(flavor("1", "m1.tiny", 1, 512, 1), flavor("2", "m1.small", 1, 2048, 20),
                flavor("3", "m1.medium", 2, 4096, 40), flavor("4", "m1.large", 4, 8192, 80),
                flavor("5", "m1.xlarge", 8, 16384, 160));
    }

    private static Flavor flavor(String id, String name, int vcpus, int ramMb, int diskGb) {
        return new Flavor(id, name, vcpus, ramMb, diskGb, 0, 0, 1.0, true, false, null, Map.of());
    }
}
