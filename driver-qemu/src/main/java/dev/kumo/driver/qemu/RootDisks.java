package dev.kumo.driver.qemu;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Root disks: a qcow2 overlay per instance over a cached copy of the image ({@code instances/_base/<image id>}),
 * so that deleting or replacing the image in Glance never breaks a running guest, and many guests share one
 * copy. The overlay grows to the flavor's root disk size when that is larger than the image.
 */
final class RootDisks {
    private static final Duration QEMU_IMG_TIMEOUT = Duration.ofMinutes(2);
    private static final Set<String> FORMATS = Set.of("qcow2", "raw");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path baseDir;
    private final ConcurrentHashMap<String, Object> copying = new ConcurrentHashMap<>();

    RootDisks(Path baseDir) {
        this.baseDir = baseDir;
    }

    /** The cached copy of {@code source}, made once (copied to a temporary name, then renamed atomically). */
    Path cachedBase(String imageId, Path source) throws QemuException {
        if (!InstanceFiles.validId(imageId)) {
            throw new QemuException("Failed to cache image " + imageId + ": not a valid image id");
        }
        Path cached = baseDir.resolve(imageId);
        synchronized (copying.computeIfAbsent(imageId, id -> new Object())) {
            if (Files.isRegularFile(cached)) {
                return cached;
            }
            Path partial = baseDir.resolve(imageId + ".part");
            try {
                Files.createDirectories(baseDir);
                Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE);
                return cached;
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // the next attempt overwrites it
                }
                throw new QemuException("Failed to cache image " + imageId + " from " + source + ": " + e, e);
            }
        }
    }

    /** Creates {@code overlay} over {@code base}; grown to {@code rootDiskGb} when that exceeds the image. */
    void createOverlay(Path base, String diskFormat, Path overlay, int rootDiskGb) throws QemuException {
        // an "ami" (the root file system of a kernel+ramdisk image) is raw bytes
        String format = "ami".equals(diskFormat) ? "raw" : diskFormat;
        if (!FORMATS.contains(format)) {
            throw new QemuException("Failed to create the root disk: disk format " + format
                    + " is not bootable by this driver (qcow2 or raw)");
        }
        long imageBytes = virtualSize(base, format);
        long wanted = rootDiskGb * (1L << 30);
        List<String> command = new ArrayList<>(List.of("qemu-img", "create", "-q", "-f", "qcow2",
                "-b", base.toString(), "-F", format, overlay.toString()));
        if (wanted > imageBytes) {
            command.add(Long.toString(wanted));
        }
        HostCommand.run(QEMU_IMG_TIMEOUT, command).orThrow("to create the root disk");
    }

    static long virtualSize(Path image, String format) throws QemuException {
        var result = HostCommand.run(QEMU_IMG_TIMEOUT, "qemu-img", "info", "--output=json", "-f", format,
                image.toString()).orThrow("to read the image size");
        try {
            return JSON.readTree(result.output()).path("virtual-size").asLong();
        } catch (IOException e) {
            throw new QemuException("Failed to read the image size of " + image + ": " + e.getMessage(), e);
        }
    }
}
