package dev.kumo.server;

import dev.kumo.api.image.ImageServices;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.server.SnapshotImages;
import dev.kumo.core.image.ImageFilter;
import dev.kumo.core.image.NewImage;
import dev.kumo.core.image.store.SortKey;
import dev.kumo.model.image.MemberStatus;
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
    public void rotate(ComputeCaller caller, String instanceId, String backupType, int keep, String newest) {
        var filter = new ImageFilter(null, false, MemberStatus.ACCEPTED, null, null, "active", null, null, null, null,
                null, null, null, null, null, false, List.of(), Map.of("image_type", "backup", "backup_type", backupType,
                "instance_uuid", instanceId), List.of(new SortKey(SortKey.Field.CREATED_AT, false)), null, 1000);
        // checked here as well: rotation deletes, so it must never rest on how the store reads a filter
        List<Image> newestFirst = images.images().list(caller.token(), filter).stream()
                .filter(i -> "backup".equals(i.properties().get("image_type"))
                        && backupType.equals(i.properties().get("backup_type"))
                        && instanceId.equals(i.properties().get("instance_uuid")))
                // created_at has whole seconds: the backup just made goes first even when others share its second
                .sorted(java.util.Comparator.comparing((Image i) -> !i.id().equals(newest)))
                .toList();
        for (Image old : newestFirst.subList(Math.min(keep, newestFirst.size()), newestFirst.size())) {
            delete(caller, old.id());
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
