package dev.kumo.core.image;

import dev.kumo.core.identity.token.Token;
import dev.kumo.core.image.store.ImageStore;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.ImageData;
import dev.kumo.model.image.ImageStatus;
import dev.kumo.model.image.ImageTask;
import dev.kumo.spi.image.DiskFormatInspector;
import dev.kumo.spi.image.DiskFormatInspector.DiskFormat;
import dev.kumo.spi.image.ImageDataStore;
import dev.kumo.spi.image.ImageDataStore.Staged;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image bytes. An upload moves the image queued → saving in one transaction (which also serialises uploads of
 * one image), streams the bytes to a staging file outside any transaction, checks them against the declared
 * disk format, commits the file atomically and then records size and hashes with status active. Any failure
 * on the way returns the image to queued and leaves no data: an image is never active with half its data.
 * {@code glance-direct} import does the same in two requests: stage (queued → uploading) and import
 * (uploading → importing → active).
 */
public final class ImageDataService {
    private static final Logger LOG = LoggerFactory.getLogger(ImageDataService.class);

    private final ImageStore store;
    private final ImageDataStore data;
    private final DiskFormatInspector inspector;
    private final ImageSettings settings;
    private final Clock clock;

    public ImageDataService(ImageStore store, ImageDataStore data, DiskFormatInspector inspector,
                            ImageSettings settings, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.data = Objects.requireNonNull(data, "data");
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code PUT /v2/images/{id}/file}: {@code declaredLength} is the Content-Length, or null when chunked. */
    public Image upload(Token caller, String id, InputStream in, Long declaredLength) {
        long allowance = begin(caller, id, ImageStatus.SAVING, "upload_image", declaredLength);
        Staged staged = receive(id, in, allowance);
        return activate(id, staged);
    }

    /** {@code PUT /v2/images/{id}/stage}: keeps the bytes for a later {@link #importStaged}. */
    public void stage(Token caller, String id, InputStream in, Long declaredLength) {
        long allowance = begin(caller, id, ImageStatus.UPLOADING, "modify_image", declaredLength);
        Staged staged = receive(id, in, allowance);
        try {
            data.park(staged);
        } catch (IOException e) {
            data.discard(staged);
            revert(id, ImageStatus.UPLOADING);
            throw new CloudError.Unavailable("StagingFailed", "Cannot keep the staged data: " + e.getMessage()).exception();
        }
        // deleted while staging: the parked bytes must not outlive the image
        if (store.read(tx -> tx.images().find(id)).isEmpty()) {
            data.delete(id);
        }
    }

    /**
     * {@code POST /v2/images/{id}/import} with method glance-direct: the staged bytes become the image's data.
     * Recorded as a task (listed by {@link ImageService#tasks}) carrying {@code requestId}.
     */
    public Image importStaged(Token caller, String id, String method, String requestId) {
        if (!"glance-direct".equals(method)) {
            throw CloudError.badRequest("Unknown import method name '%s'.", method);
        }
        ImageTask task = store.write(tx -> {
            Image image = ImageAccess.visible(tx, caller, id);
            ImageAccess.requireOwnerOrAdmin(caller, image, "modify_image");
            if (image.status() != ImageStatus.UPLOADING) {
                throw CloudError.conflict("Conflict", "Image needs to be staged before 'glance-direct' method can be used");
            }
            requireFormats(image, true);
            tx.images().update(image.withStatus(ImageStatus.IMPORTING, now()));
            var started = new ImageTask(UUID.randomUUID().toString(), id, "processing", image.owner(), caller.userId(),
                    requestId, method, "", now(), now());
            tx.tasks().insert(started);
            return started;
        });
        try {
            Staged staged;
            try {
                staged = data.unpark(id).orElseThrow(() -> new IOException("no staged data for image " + id));
            } catch (IOException e) {
                revert(id, ImageStatus.IMPORTING);
                throw CloudError.conflict("Conflict", "Image %s has no staged data to import: %s", id, e.getMessage());
            }
            Image active = activate(id, staged);
            finish(task, "success", "");
            return active;
        } catch (RuntimeException e) {
            finish(task, "failure", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
    }

    private void finish(ImageTask task, String status, String message) {
        store.write(tx -> {
            tx.tasks().update(task.finished(status, message, now()));
            return null;
        });
    }

    public ImageDownload download(Token caller, String id, ByteRange range) {
        Image image = store.read(tx -> ImageAccess.visible(tx, caller, id));
        if (image.status() == ImageStatus.DEACTIVATED && !ImageAccess.isAdmin(caller)) {
            throw CloudError.forbidden("The requested image has been deactivated. Image data download is forbidden.");
        }
        if (!image.hasData() || data.size(id).isEmpty()) {
            return null;
        }
        long total = data.size(id).getAsLong();
        long[] window = range.resolve(total);
        if (window == null) {
            throw new RangeNotSatisfiable(total);
        }
        try {
            return new ImageDownload(image, data.open(id, window[0], window[1]), window[0], window[1], total);
        } catch (IOException e) {
            throw new CloudError.Unavailable("ImageDataUnavailable", "Cannot read the data of image " + id + ".")
                    .exception();
        }
    }

    /**
     * Start-up: removes interrupted staging, returns images whose upload or import a crash interrupted to queued
     * (deleting any bytes committed for them), deletes bytes of images that no longer exist, and returns how
     * many images it repaired.
     */
    public int recover() {
        data.recover();
        List<Image> interrupted = store.read(tx -> tx.images().withStatus(
                List.of(ImageStatus.SAVING, ImageStatus.UPLOADING, ImageStatus.IMPORTING)));
        int repaired = 0;
        for (Image image : interrupted) {
            if (image.status() == ImageStatus.UPLOADING) {
                continue;
            }
            data.delete(image.id());
            revert(image.id(), image.status());
            LOG.info("Image {} was {} when kumo stopped: back to queued, its partial data removed", image.id(),
                    image.status().wire());
            repaired++;
        }
        for (String id : data.imageIds()) {
            // a crash between deleting an image's record and its bytes leaves bytes nobody owns
            if (store.read(tx -> tx.images().find(id)).isEmpty()) {
                LOG.info("Removing the data of image {}, which no longer exists", id);
                data.delete(id);
                repaired++;
            }
        }
        return repaired;
    }

    /** Moves the image from queued to {@code during}; returns how many bytes it may store. */
    private long begin(Token caller, String id, ImageStatus during, String action, Long declaredLength) {
        return store.write(tx -> {
            Image image = ImageAccess.visible(tx, caller, id);
            ImageAccess.requireOwnerOrAdmin(caller, image, action);
            if (during == ImageStatus.SAVING) {
                requireFormats(image, false);
            }
            if (image.status() != ImageStatus.QUEUED) {
                throw CloudError.conflict("Conflict", "Image status transition from %s to %s is not allowed",
                        image.status().wire(), during.wire());
            }
            long allowance = allowance(tx.images().bytesOwnedBy(image.owner()), declaredLength);
            tx.images().update(image.withStatus(during, now()));
            return allowance;
        });
    }

    private long allowance(long used, Long declaredLength) {
        if (settings.storageQuotaBytes() == 0) {
            return Long.MAX_VALUE;
        }
        long remaining = Math.max(0, settings.storageQuotaBytes() - used);
        if (declaredLength != null && declaredLength > remaining) {
            throw overQuota(declaredLength, remaining);
        }
        return remaining;
    }

    private Staged receive(String id, InputStream in, long allowance) {
        ImageStatus during = store.read(tx -> tx.images().find(id).map(Image::status).orElse(ImageStatus.SAVING));
        try {
            return data.stage(id, in, allowance);
        } catch (ImageDataStore.TooLarge e) {
            revert(id, during);
            throw overQuota(null, e.limit());
        } catch (IOException e) {
            revert(id, during);
            LOG.info("Upload of image {} interrupted: {}", id, e.toString());
            throw CloudError.badRequest("The image data could not be read to its end (%s); the image stays queued.",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Checks the staged bytes, commits them, and records them on the image with status active. */
    private Image activate(String id, Staged staged) {
        ImageStatus during = store.read(tx -> tx.images().find(id).map(Image::status).orElse(ImageStatus.SAVING));
        DiskFormat detected;
        try {
            Image image = store.read(tx -> tx.images().find(id)).orElseThrow(() -> ImageAccess.notFound(id));
            detected = inspector.inspect(staged.file());
            DiskFormatCheck.requireMatch(image.diskFormat(), detected);
            data.commit(staged);
        } catch (RuntimeException | IOException e) {
            data.discard(staged);
            revert(id, during);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new CloudError.Unavailable("ImageCheckFailed", "Cannot store the image data: " + e.getMessage())
                    .exception();
        }
        var facts = new ImageData(staged.size(), staged.md5(), staged.sha512(), detected.virtualSize());
        return store.write(tx -> {
            Image image = tx.images().find(id).orElse(null);
            if (image == null) {
                // deleted while uploading: its data must not outlive it
                data.delete(id);
                throw CloudError.notFound("ImageNotFound", "Image %s could not be found after upload. The image may "
                        + "have been deleted during the upload.", id);
            }
            Image active = image.withData(ImageStatus.ACTIVE, facts, now());
            tx.images().update(active);
            return active;
        });
    }

    /** Back to queued, as Glance leaves an image whose upload or import failed; only if still {@code during}. */
    private void revert(String id, ImageStatus during) {
        store.write(tx -> {
            tx.images().find(id).filter(i -> i.status() == during)
                    .ifPresent(i -> tx.images().update(i.withData(ImageStatus.QUEUED, null, now())));
            return null;
        });
    }

    private static void requireFormats(Image image, boolean conflict) {
        if (image.diskFormat() == null || image.containerFormat() == null) {
            String message = "Properties disk_format, container_format must be set prior to saving data.";
            throw conflict ? CloudError.conflict("Conflict", "%s", message) : CloudError.badRequest("%s", message);
        }
    }

    private static RuntimeException overQuota(Long size, long remaining) {
        return new CloudError.PayloadTooLarge("StorageQuotaFull", "Denying attempt to upload image because it exceeds "
                + "the quota: The size of the data " + (size == null ? "" : size + " ") + "will exceed the limit. "
                + remaining + " bytes remaining.").exception();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
