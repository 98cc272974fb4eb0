package dev.kumo.store.image;

import dev.kumo.spi.image.ImageDataStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ImageDataStore} on the local file system: {@code <root>/data/<image id>} holds committed data,
 * {@code <root>/staging/<image id>.<nonce>.part} uploads in progress, {@code <root>/staging/<image id>.parked}
 * data staged for a later import. Both folders are on the same file system, so a commit is one atomic rename,
 * followed by an fsync of the folder so that the rename survives a power loss.
 */
public final class FilesystemImageDataStore implements ImageDataStore {
    private static final Logger LOG = LoggerFactory.getLogger(FilesystemImageDataStore.class);
    /** Image ids become file names: only these characters are accepted, so no id can name another path. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final int BUFFER = 1 << 20;

    private final Path data;
    private final Path staging;

    public FilesystemImageDataStore(Path root) {
        Objects.requireNonNull(root, "root");
        this.data = root.resolve("data");
        this.staging = root.resolve("staging");
        try {
            Files.createDirectories(data);
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the image folders under " + root, e);
        }
    }

    @Override
    public Staged stage(String imageId, InputStream in, long maxBytes) throws IOException {
        Path file = staging.resolve(safe(imageId) + "." + UUID.randomUUID() + ".part");
        boolean done = false;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Staged staged = copy(imageId, file, in, out, maxBytes);
            out.force(true);
            done = true;
            return staged;
        } finally {
            if (!done) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Reads, writes and digests at once: md5 and sha512 each run on their own thread (see ParallelDigests). */
    private static Staged copy(String imageId, Path file, InputStream in, FileChannel out, long maxBytes)
            throws IOException {
        try (var digests = new ParallelDigests(8, BUFFER, "MD5", "SHA-512")) {
            long total = 0;
            while (true) {
                ParallelDigests.Chunk chunk = digests.take();
                int n = in.readNBytes(chunk.bytes, 0, chunk.bytes.length);
                if (n <= 0) {
                    digests.release(chunk);
                    break;
                }
                total += n;
                if (total > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                chunk.length = n;
                ByteBuffer buffer = ByteBuffer.wrap(chunk.bytes, 0, n);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                digests.submit(chunk);
            }
            List<String> hex = digests.finish();
            return new Staged(imageId, file, total, hex.get(0), hex.get(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while storing image " + imageId);
        }
    }

    @Override
    public void commit(Staged staged) throws IOException {
        Files.move(staged.file(), data.resolve(safe(staged.imageId())), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        syncFolder(data);
        syncFolder(staging);
    }

    @Override
    public void discard(Staged staged) {
        deleteQuietly(staged.file());
    }

    @Override
    public void park(Staged staged) throws IOException {
        Files.move(staged.file(), parkedFile(staged.imageId()), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        syncFolder(staging);
    }

    @Override
    public Optional<Staged> unpark(String imageId) throws IOException {
        Path parked = parkedFile(imageId);
        if (!Files.isRegularFile(parked)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(parked)) {
            MessageDigest md5 = digest("MD5");
            MessageDigest sha512 = digest("SHA-512");
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = in.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                total += n;
                md5.update(buffer, 0, n);
                sha512.update(buffer, 0, n);
            }
            return Optional.of(new Staged(imageId, parked, total, hex(md5), hex(sha512)));
        }
    }

    @Override
    public OptionalLong size(String imageId) {
        try {
            return OptionalLong.of(Files.size(data.resolve(safe(imageId))));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String imageId, long offset, long length) throws IOException {
        Path file = data.resolve(safe(imageId));
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("image " + imageId + " has no data");
        }
        channel.position(offset);
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public Optional<Path> localFile(String imageId) {
        try {
            Path file = data.resolve(safe(imageId));
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public java.util.Set<String> imageIds() {
        var ids = new java.util.TreeSet<String>();
        try (DirectoryStream<Path> committed = Files.newDirectoryStream(data);
             DirectoryStream<Path> parked = Files.newDirectoryStream(staging, "*.parked")) {
            committed.forEach(f -> ids.add(f.getFileName().toString()));
            parked.forEach(f -> ids.add(f.getFileName().toString().replace(".parked", "")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the image folders", e);
        }
        return ids;
    }

    @Override
    public void delete(String imageId) {
        deleteQuietly(data.resolve(safe(imageId)));
        deleteQuietly(parkedFile(imageId));
    }

    @Override
    public void recover() {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(staging, "*.part")) {
            for (Path file : leftovers) {
                LOG.info("Removing interrupted image upload {}", file.getFileName());
                deleteQuietly(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + staging, e);
        }
    }

    private Path parkedFile(String imageId) {
        return staging.resolve(safe(imageId) + ".parked");
    }

    private static String safe(String imageId) {
        if (imageId == null || !SAFE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("not a usable image id: " + imageId);
        }
        return imageId;
    }

    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}: {}", file, e.toString());
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
