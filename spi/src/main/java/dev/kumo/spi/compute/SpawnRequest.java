package dev.kumo.spi.compute;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a driver needs to boot one instance: where, how big, from which image, with which NICs, and
 * the data the guest reads at boot (metadata, user data, keys) and whether it wants a config drive.
 */
public record SpawnRequest(InstanceRef instance, String name, FlavorSpec flavor, ImageSpec image, List<NicSpec> nics,
                           Map<String, String> metadata, String userData, String publicKey, boolean configDrive) {
    public SpawnRequest {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(flavor, "flavor");
        Objects.requireNonNull(image, "image");
        nics = List.copyOf(nics);
        metadata = Map.copyOf(metadata);
    }

    /** The sizes of the guest: vCPUs, RAM in MiB, root disk in GiB (0: the image's size), extra specs. */
    public record FlavorSpec(int vcpus, long memoryMb, int rootDiskGb, int ephemeralGb, Map<String, String> extraSpecs) {
        public FlavorSpec {
            extraSpecs = Map.copyOf(extraSpecs);
        }
    }

    /**
     * The image to boot: its id, disk format and the local file holding its committed data (null when the
     * compute service has none, e.g. for drivers that need none). For a kernel+ramdisk image
     * ({@code kernel_id}/{@code ramdisk_id} properties) also the kernel's and ramdisk's files and the kernel
     * command line ({@code os_command_line}); all three null otherwise.
     */
    public record ImageSpec(String id, String diskFormat, String path, String kernelPath, String ramdiskPath,
                            String kernelArgs) {
        public ImageSpec {
            Objects.requireNonNull(id, "id");
        }

        /** A disk image without a separate kernel. */
        public ImageSpec(String id, String diskFormat, String path) {
            this(id, diskFormat, path, null, null, null);
        }
    }

    /** One network interface: the port id, its MAC and fixed addresses, and the network it plugs into. */
    public record NicSpec(String portId, String networkId, String macAddress, List<String> fixedIps) {
        public NicSpec {
            Objects.requireNonNull(portId, "portId");
            Objects.requireNonNull(macAddress, "macAddress");
            fixedIps = List.copyOf(fixedIps);
        }
    }
}
