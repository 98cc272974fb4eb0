package dev.kumo.store.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParallelDigestsTest {
    @Test
    void sameDigestsAsOneThreadForAStreamOfOddSizedChunks() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 777];
        new Random(42).nextBytes(data);
        var digests = new ParallelDigests(2, 4096, "MD5", "SHA-512");
        int offset = 0;
        while (offset < data.length) {
            ParallelDigests.Chunk chunk = digests.take();
            int n = Math.min(chunk.bytes.length - (offset % 3), data.length - offset);
            System.arraycopy(data, offset, chunk.bytes, 0, n);
            chunk.length = n;
            digests.submit(chunk);
            offset += n;
        }
        var hex = digests.finish();
        assertThat(hex.get(0)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)));
        assertThat(hex.get(1)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data)));
    }
}
