package dev.kumo.core.compute.server;

import dev.kumo.core.compute.ComputeCaller;
import java.nio.file.Path;
import java.util.Map;

/**
 * The image service as createImage needs it: a queued image to receive the snapshot, a scratch file for the
 * driver to write it to, the upload that makes the image active, and the delete that undoes a failed snapshot.
 * Implemented where services are wired (in process, acting with the caller's token).
 */
public interface SnapshotImages {
    /**
     * Creates the queued, private qcow2 image owned by {@code ownerProject}, inheriting what the guest needs of
     * the base image (its properties, min_ram, min_disk; {@code baseImageId} may be null or gone) and then
     * {@code properties}; returns its id.
     */
    String create(ComputeCaller caller, String ownerProject, String name, String baseImageId,
                  Map<String, String> properties);

    /** Where the driver writes the snapshot of {@code imageId}; the parent folder exists, the file does not. */
    Path scratchFile(String imageId);

    /** Uploads {@code file} as the image's data (format-checked as any upload); the image becomes active. */
    void upload(ComputeCaller caller, String imageId, Path file);

    /** Deletes the image; an image already gone is fine. */
    void delete(ComputeCaller caller, String imageId);

    /**
     * createBackup's rotation: of the server's active backups of {@code backupType}, all but the newest
     * {@code keep} are deleted; {@code newest} (the backup just made) counts first, whatever the clock says.
     */
    default void rotate(ComputeCaller caller, String instanceId, String backupType, int keep, String newest) {
    }

    /** For wirings without an image service: createImage answers 409 saying so. */
    static SnapshotImages none() {
        return new SnapshotImages() {
            @Override
            public String create(ComputeCaller caller, String ownerProject, String name, String baseImageId,
                                 Map<String, String> properties) {
                throw dev.kumo.core.compute.ComputeErrors.conflict("This cloud cannot store snapshots: no image service is wired.");
            }

            @Override
            public Path scratchFile(String imageId) {
                throw new IllegalStateException("no image service");
            }

            @Override
            public void upload(ComputeCaller caller, String imageId, Path file) {
                throw new IllegalStateException("no image service");
            }

            @Override
            public void delete(ComputeCaller caller, String imageId) {
            }
        };
    }
}
