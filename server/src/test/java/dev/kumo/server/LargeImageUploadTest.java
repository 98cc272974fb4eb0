package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.server.config.ConfigFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An image four times larger than the server's heap goes up and comes back intact: kumo runs in a child JVM with
 * {@code -Xmx64m} and receives 256 MiB with a Content-Length far above {@code api.max_request_bytes} (1 MiB), so
 * neither a buffered body nor the request size limit would let it pass.
 */
class LargeImageUploadTest {
    static final long SIZE = 256L << 20;
    static final String HEAP = "-Xmx64m";

    static Path stateDir;
    static Process server;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startChildServer() throws Exception {
        stateDir = Files.createTempDirectory("kumo-large");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConfigFile.writeNew(stateDir.resolve(ConfigFile.NAME), Map.of("identity.admin_password", "big-secret",
                "identity.demo_password", "demo-secret", "identity.bcrypt_cost", "4",
                // the image path only: no QEMU probe, no kernel networking
                "drivers.emulated", "true", "network.demo_networks", "false"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), HEAP, "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.kumo.server.Main", "serve", "--state-dir", stateDir.toString(), "--port", Integer.toString(port)));
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(stateDir.resolve("server.log").toFile()).start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!healthy()) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("child kumo did not start: " + Files.readString(stateDir.resolve("server.log")));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.destroy();
        server.waitFor();
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void uploadAndDownloadOfAnImageLargerThanTheHeap() throws Exception {
        String token = token();
        var created = send(HttpRequest.newBuilder(URI.create(base + "/image/v2/images")).header("X-Auth-Token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"big\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}")).build());
        String id = Json.MAPPER.readTree(created.body()).get("id").asText();
        MessageDigest sent = MessageDigest.getInstance("MD5");
        var body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                () -> new DigestInputStream(new PatternStream(SIZE), sent)), SIZE);
        var upload = send(HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/file"))
                .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream").PUT(body).build());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(204);
        String md5 = HexFormat.of().formatHex(sent.digest());
        JsonNode image = Json.MAPPER.readTree(send(HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id))
                .header("X-Auth-Token", token).GET().build()).body());
        assertThat(image.get("status").asText()).isEqualTo("active");
        assertThat(image.get("size").asLong()).isEqualTo(SIZE);
        assertThat(image.get("checksum").asText()).isEqualTo(md5);
        var download = http.send(HttpRequest.newBuilder(URI.create(base + "/image/v2/images/" + id + "/file"))
                .header("X-Auth-Token", token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest received = MessageDigest.getInstance("MD5");
        long count = 0;
        try (InputStream in = new DigestInputStream(download.body(), received)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                count += n;
            }
        }
        assertThat(count).isEqualTo(SIZE);
        assertThat(HexFormat.of().formatHex(received.digest())).isEqualTo(md5);
        assertThat(download.headers().firstValue("Content-MD5")).hasValue(md5);
        assertThat(server.isAlive()).as("the child server survived (no OutOfMemoryError)").isTrue();
    }

    private static boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/healthcheck")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String token() throws Exception {
        var auth = TestCloud.passwordAuth("admin", "big-secret");
        auth.with("auth").putObject("scope").putObject("project").put("name", "admin").putObject("domain").put("id", "default");
        var r = send(HttpRequest.newBuilder(URI.create(base + "/identity/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(auth.toString())).build());
        return r.headers().firstValue("X-Subject-Token").orElseThrow(() -> new AssertionError("no token: " + r.body()));
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@code size} bytes of a cheap, non-repeating-per-block pattern, generated as it is read. */
    static final class PatternStream extends InputStream {
        private long remaining;
        private long position;

        PatternStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return (int) ((position++ * 31 + (position >>> 12)) & 0xff);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((position++ * 31 + (position >>> 12)) & 0xff);
            }
            remaining -= n;
            return n;
        }
    }
}
