package dev.kumo.store.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.spi.image.ImageDataStore;
import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file data store's contract: atomic commit, ranged reads, bounded staging, idempotent deletes, recovery. */
class FilesystemImageDataStoreTest {
    private static final String ID = "6f1c2d3e-0000-4000-8000-000000000001";

    @TempDir
    Path root;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static String hex(String algorithm, byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    @Test
    void stagedDataIsInvisibleUntilCommittedThenReadableWhole() throws Exception {
        var store = new FilesystemImageDataStore(root);
        byte[] data = bytes(3_000_000);
        var staged = store.stage(ID, new ByteArrayInputStream(data), Long.MAX_VALUE);
        assertThat(staged.size()).isEqualTo(data.length);
        assertThat(staged.md5()).isEqualTo(hex("MD5", data));
        assertThat(staged.sha512()).isEqualTo(hex("SHA-512", data));
        assertThat(store.size(ID)).isEmpty();
        assertThatThrownBy(() -> store.open(ID, 0, 1)).isInstanceOf(FileNotFoundException.class);
        store.commit(staged);
        assertThat(store.size(ID)).hasValue(data.length);
        try (InputStream in = store.open(ID, 0, data.length)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        try (InputStream in = store.open(ID, 100, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 100, 110));
        }
        assertThat(staged.file()).doesNotExist();
    }

    @Test
    void onlyCommittedDataHasALocalFileForTheVirtDriver() throws Exception {
        var store = new FilesystemImageDataStore(root);
        byte[] data = bytes(100);
        var staged = store.stage(ID, new ByteArrayInputStream(data), Long.MAX_VALUE);
        assertThat(store.localFile(ID)).isEmpty();

        store.commit(staged);

        assertThat(store.localFile(ID)).get().satisfies(f -> assertThat(java.nio.file.Files.readAllBytes(f)).isEqualTo(data));
        assertThat(store.localFile("../etc")).isEmpty();
        store.delete(ID);
        assertThat(store.localFile(ID)).isEmpty();
    }

    @Test
    void passingTheLimitLeavesNothingBehind() throws IOException {
        var store = new FilesystemImageDataStore(root);
        assertThatThrownBy(() -> store.stage(ID, new ByteArrayInputStream(bytes(5000)), 4999))
                .isInstanceOf(ImageDataStore.TooLarge.class);
        try (var files = Files.list(root.resolve("staging"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aBrokenStreamLeavesNothingBehind() throws IOException {
        var store = new FilesystemImageDataStore(root);
        InputStream breaking = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                // every read after the break fails too (InputStream.read(byte[]) swallows one failure)
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 1;
            }
        };
        assertThatThrownBy(() -> store.stage(ID, breaking, Long.MAX_VALUE)).hasMessageContaining("connection reset");
        try (var files = Files.list(root.resolve("staging"))) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void deletesAreIdempotentAndParkedDataSurvivesUntilUnparked() throws Exception {
        var store = new FilesystemImageDataStore(root);
        store.delete(ID);
        byte[] data = bytes(1000);
        store.park(store.stage(ID, new ByteArrayInputStream(data), Long.MAX_VALUE));
        assertThat(store.imageIds()).containsExactly(ID);
        var again = new FilesystemImageDataStore(root);
        again.recover();
        var unparked = again.unpark(ID).orElseThrow();
        assertThat(unparked.md5()).isEqualTo(hex("MD5", data));
        again.commit(unparked);
        assertThat(again.unpark(ID)).isEmpty();
        again.delete(ID);
        again.delete(ID);
        assertThat(again.size(ID)).isEmpty();
        assertThat(again.imageIds()).isEmpty();
    }

    @Test
    void recoverRemovesHalfWrittenStagingOnly() throws Exception {
        var store = new FilesystemImageDataStore(root);
        store.commit(store.stage(ID, new ByteArrayInputStream(bytes(10)), 100));
        Path leftover = root.resolve("staging/" + ID + ".dead.part");
        Files.write(leftover, bytes(10));
        store.recover();
        assertThat(leftover).doesNotExist();
        assertThat(store.size(ID)).hasValue(10);
    }

    @Test
    void idsThatAreNotFileNamesAreRefused() {
        var store = new FilesystemImageDataStore(root);
        assertThatThrownBy(() -> store.size("../kumo.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
