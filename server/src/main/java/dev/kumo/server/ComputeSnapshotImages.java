package dev.kumo.server;

import dev.kumo.api.image.ImageServices;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.server.SnapshotImages;
import dev.kumo.core.image.NewImage;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.image.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * createImage's snapshots go through the image service in process, with the caller's token, exactly like an
 * upload (so the format check and the image quotas apply). Scratch files live under the state dir (the same
 * file system as the image store, never a small tmpfs).
 */
final class ComputeSnapshotImages implements SnapshotImages {
    private final ImageServices images;
    private final Path scratchDir;

    ComputeSnapshotImages(ImageServices images, Path scratchDir) {
        this.images = Objects.requireNonNull(images, "images");
        this.scratchDir = Objects.requireNonNull(scratchDir, "scratchDir");
    }

    @Override
    public String create(ComputeCaller caller, String ownerProject, String name, String baseImageId,
                         Map<String, String> properties) {
        var merged = new LinkedHashMap<String, String>();
        int minRam = 0;
        int minDisk = 0;
        Image base = base(caller, baseImageId);
        if (base != null) {
            // the guest needs what its image said about it (os_distro, hw_* ...); kumo's own markers stay behind
            base.properties().forEach((k, v) -> {
                if (!k.startsWith("kumo_") && !k.startsWith("os_glance")) {
                    merged.put(k, v);
                }
            });
            minRam = base.minRam();
            minDisk = base.minDisk();
        }
        merged.putAll(properties);
        var draft = new NewImage(null, name, "private", false, false, ownerProject, "qcow2", "bare", minDisk, minRam,
                List.of(), merged);
        return images.images().create(caller.token(), draft).id();
    }

    private Image base(ComputeCaller caller, String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        try {
            return images.images().get(caller.token(), id);
        } catch (CloudException e) {
            return null; // deleted since the server booted: nothing to inherit
        }
    }

    @Override
    public Path scratchFile(String imageId) {
        try {
            Files.createDirectories(scratchDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the snapshot folder " + scratchDir, e);
        }
        return scratchDir.resolve(imageId + ".qcow2");
    }

    @Override
    public void upload(ComputeCaller caller, String imageId, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            images.data().upload(caller.token(), imageId, in, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the snapshot " + file, e);
        }
    }

    @Override
    public void delete(ComputeCaller caller, String imageId) {
        try {
            images.images().delete(caller.token(), imageId);
        } catch (CloudException e) {
            if (e.error().status() != 404) {
                throw e;
            }
        }
    }
}
