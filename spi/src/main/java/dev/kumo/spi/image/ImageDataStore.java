package dev.kumo.spi.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where image bytes live. The image service calls it outside any database transaction, at most once at a time
 * per image (the image's status serialises uploads), from many threads for different images.
 *
 * <h2>Vocabulary</h2>
 * <ul>
 *   <li><b>staged</b>: bytes written by {@link #stage} to a private file, not yet part of any image. Nothing
 *       reads them except the service that holds the {@link Staged} handle. A staged file is always a local
 *       file (see {@link Staged#file()}): the disk-format check needs random access to it.</li>
 *   <li><b>parked</b>: staged bytes kept, under the image's id, until a later request imports them
 *       (Glance's {@code glance-direct} import: {@code PUT /stage}, then {@code POST /import}).</li>
 *   <li><b>committed</b>: the image's data, readable by {@link #open}. An image has at most one.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li><b>Atomic</b>: {@link #commit} makes the data visible whole or not at all; a reader never sees a
 *       partial file. It is durable when {@link #commit} returns (file and directory synced).</li>
 *   <li><b>Idempotent deletes</b>: {@link #delete} and {@link #discard} succeed when there is nothing to delete.</li>
 *   <li><b>Bounded</b>: {@link #stage} never writes more than {@code maxBytes}; it reads the stream once,
 *       in small buffers, so an image of any size passes through constant memory.</li>
 *   <li><b>After a crash</b> (kill -9, power loss): committed data is intact; a commit in progress either
 *       happened or did not; parked data is intact; half-written staging files remain until
 *       {@link #recover} removes them, which the service calls once at start. The service, whose database
 *       says which images are active, deletes committed data that belongs to no active image.</li>
 * </ul>
 */
public interface ImageDataStore {
    /**
     * Reads {@code data} to its end into a new staging file, computing size, md5 and sha512 on the way, and
     * syncs it to disk. On any failure (the stream breaks, the limit is passed, the disk is full) nothing is
     * left behind and the exception propagates.
     *
     * @param imageId  the image the bytes are for (used in file names only)
     * @param maxBytes the most bytes accepted; more is {@link TooLarge}
     * @throws TooLarge   when the stream holds more than {@code maxBytes}
     * @throws IOException when reading the stream or writing the file fails
     */
    Staged stage(String imageId, InputStream data, long maxBytes) throws IOException;

    /** Makes {@code staged} the data of its image, replacing any, atomically and durably. */
    void commit(Staged staged) throws IOException;

    /** Deletes a staged file that will not be committed. Idempotent. */
    void discard(Staged staged);

    /** Keeps {@code staged} under its image's id until {@link #parked} takes it or {@link #delete} removes it. */
    void park(Staged staged) throws IOException;

    /**
     * The bytes parked for {@code imageId}, as a staged file again (re-reading them to compute the hashes), or
     * empty when none are parked. The parked copy is consumed: commit or discard the result.
     */
    Optional<Staged> unpark(String imageId) throws IOException;

    /** The size of {@code imageId}'s committed data, or empty when it has none. */
    OptionalLong size(String imageId);

    /**
     * Streams {@code length} bytes of {@code imageId}'s committed data from {@code offset}. The caller closes it.
     *
     * @throws java.io.FileNotFoundException when the image has no committed data
     */
    InputStream open(String imageId, long offset, long length) throws IOException;

    /**
     * The local file holding {@code imageId}'s committed data, for a virt driver on this host that boots from
     * it (it copies the file before use); empty when the data is not a local file or there is none.
     */
    default Optional<java.nio.file.Path> localFile(String imageId) {
        return Optional.empty();
    }

    /** The ids of every image with committed or parked data (to find data whose image is gone). */
    java.util.Set<String> imageIds();

    /** Deletes the image's committed and parked data. Idempotent. */
    void delete(String imageId);

    /** Removes leftovers of staging that a crash interrupted. Called once, before any other method. */
    void recover();

    /** Bytes staged for one image: where they are and what they hash to. */
    record Staged(String imageId, java.nio.file.Path file, long size, String md5, String sha512) {}

    /** {@link #stage} saw more bytes than it was allowed to keep. */
    final class TooLarge extends IOException {
        private final long limit;

        public TooLarge(long limit) {
            super("image data exceeds the limit of " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
