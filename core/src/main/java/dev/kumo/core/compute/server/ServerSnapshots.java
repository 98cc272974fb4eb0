package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.store.ComputeStore;
import dev.kumo.spi.compute.InstanceRef;
import dev.kumo.spi.compute.VirtDriver;
import dev.kumo.spi.compute.VirtDriverException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nova's createImage after the API accepted it: the server walks image_snapshot (the driver writes its disk
 * to a scratch file) → image_pending_upload → image_uploading (the file becomes the queued image's data) →
 * no task. Any failure deletes the image and leaves the server as it was. Which image a server's snapshot
 * goes to is kept in memory: after a kumo restart a snapshot in flight cannot finish, so its task is cleared
 * and its queued image is left for the owner to delete (logged).
 */
public final class ServerSnapshots {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSnapshots.class);
    /** Nova's check_instance_state for snapshot. */
    private static final Set<VmState> FROM = Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED);

    /** The image a server's pending snapshot goes to, whose token acts on it, and for a backup its rotation. */
    public record Pending(String imageId, ComputeCaller caller, Backup backup) {
        public Pending {
            Objects.requireNonNull(imageId, "imageId");
            Objects.requireNonNull(caller, "caller");
        }
    }

    /** createBackup's extras: the backup type and how many backups of that type to keep. */
    public record Backup(String type, int rotation) {
        public Backup {
            Objects.requireNonNull(type, "type");
        }
    }

    private final ComputeStore store;
    private final VirtDriver driver;
    private final SnapshotImages images;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public ServerSnapshots(ComputeStore store, VirtDriver driver, SnapshotImages images, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.driver = Objects.requireNonNull(driver, "driver");
        this.images = Objects.requireNonNull(images, "images");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SnapshotImages images() {
        return images;
    }

    /**
     * Checks the server may be snapshotted, creates the queued image (Nova's snapshot properties, then the
     * caller's metadata) and records the image_snapshot task; returns the image id. The caller submits the
     * server to the converger. A state change that wins the race deletes the image again.
     */
    String start(ComputeCaller caller, String id, String name, Map<String, String> metadata, Backup backup) {
        String action = backup == null ? "createImage" : "createBackup";
        Server s = ActionStates.require(store.read(tx -> tx.servers().find(id)), caller, id, action, FROM, false);
        var properties = new LinkedHashMap<String, String>();
        properties.put("image_type", backup == null ? "snapshot" : "backup");
        if (backup != null) {
            properties.put("backup_type", backup.type());
        }
        properties.put("instance_uuid", s.id());
        properties.put("user_id", caller.userId());
        properties.put("base_image_ref", s.imageId() == null ? "" : s.imageId());
        properties.putAll(metadata);
        String imageId = images.create(caller, s.projectId(), name, s.imageId(), properties);
        try {
            pending.put(id, new Pending(imageId, caller, backup));
            store.write(tx -> {
                Server now = ActionStates.require(tx.servers().find(id), caller, id, action, FROM, false);
                tx.servers().update(now.withState(now.vmState(), TaskState.IMAGE_SNAPSHOT, now.powerState(), clock.instant()));
                return null;
            });
        } catch (RuntimeException e) {
            pending.remove(id);
            deleteQuietly(new Pending(imageId, caller, backup));
            throw e;
        }
        return imageId;
    }

    /** Runs the whole snapshot for a server in image_snapshot; the converger calls it with the server's lock held. */
    void run(Server s) {
        Pending p = pending.remove(s.id());
        if (p == null) {
            LOG.warn("server {}: a snapshot was in flight when kumo stopped; its image is left queued", s.id());
            clearTask(s, TaskState.IMAGE_SNAPSHOT);
            return;
        }
        Path scratch = images.scratchFile(p.imageId());
        TaskState at = TaskState.IMAGE_SNAPSHOT;
        try {
            driver.snapshot(new InstanceRef(s.id(), s.host()), scratch);
            at = advance(s, at, TaskState.IMAGE_PENDING_UPLOAD);
            at = advance(s, at, TaskState.IMAGE_UPLOADING);
            images.upload(p.caller(), p.imageId(), scratch);
            clearTask(s, at);
            LOG.info("server {}: snapshot uploaded as image {}", s.id(), p.imageId());
            if (p.backup() != null) {
                images.rotate(p.caller(), s.id(), p.backup().type(), p.backup().rotation(), p.imageId());
            }
        } catch (VirtDriverException | RuntimeException e) {
            LOG.warn("server {}: snapshot to image {} failed: {}", s.id(), p.imageId(), e.getMessage());
            deleteQuietly(p);
            clearTask(s, at);
        } finally {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                LOG.warn("server {}: cannot remove the snapshot scratch file {}: {}", s.id(), scratch, e.getMessage());
            }
        }
    }

    /** Moves the task on; a server deleted meanwhile (the update does not match) stops the snapshot. */
    private TaskState advance(Server s, TaskState from, TaskState to) {
        boolean moved = store.write(tx -> tx.servers().updateIfTask(
                s.withState(s.vmState(), to, s.powerState(), clock.instant()), from));
        if (!moved) {
            throw new IllegalStateException("server " + s.id() + " left task " + from.wire() + " during its snapshot");
        }
        return to;
    }

    private void clearTask(Server s, TaskState expected) {
        store.write(tx -> tx.servers().updateIfTask(s.withState(s.vmState(), null, s.powerState(), clock.instant()),
                expected));
    }

    private void deleteQuietly(Pending p) {
        try {
            images.delete(p.caller(), p.imageId());
        } catch (RuntimeException e) {
            LOG.warn("cannot delete image {} of a failed snapshot: {}", p.imageId(), e.getMessage());
        }
    }
}
