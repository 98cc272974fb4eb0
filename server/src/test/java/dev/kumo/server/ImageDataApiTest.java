package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Image bytes: upload, checksums, download with ranges, format checks, interruptions, stage and import, recovery. */
class ImageDataApiTest {
    static TestCloud cloud;
    static ImageClient glance;
    static String admin;
    static String demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        glance = new ImageClient(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String queued(String diskFormat) {
        return glance.createId(demo, "{\"name\": \"data\", \"disk_format\": \"" + diskFormat
                + "\", \"container_format\": \"bare\"}");
    }

    @Test
    void uploadRecordsSizeAndHashesAndDownloadReturnsTheSameBytes() {
        byte[] qcow2 = ImageFiles.qcow2("64M");
        String id = queued("qcow2");
        var upload = glance.upload(id, demo, qcow2);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(204);
        JsonNode image = glance.get("/v2/images/" + id, demo).json();
        assertThat(image.get("status").asText()).isEqualTo("active");
        assertThat(image.get("size").asLong()).isEqualTo(qcow2.length);
        assertThat(image.get("virtual_size").asLong()).isEqualTo(64L << 20);
        assertThat(image.get("checksum").asText()).isEqualTo(ImageFiles.md5(qcow2));
        assertThat(image.get("os_hash_algo").asText()).isEqualTo("sha512");
        assertThat(image.get("os_hash_value").asText()).isEqualTo(ImageFiles.sha512(qcow2));
        var download = glance.download(id, demo);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(qcow2);
        assertThat(download.headers().firstValue("Content-MD5")).hasValue(ImageFiles.md5(qcow2));
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.headers().firstValueAsLong("Content-Length")).hasValue(qcow2.length);
        // other tests of this class upload images of the same size: this one must be among the matches
        assertThat(glance.get("/v2/images?size=" + qcow2.length, demo).json().get("images").findValuesAsText("id"))
                .contains(id);
        assertThat(glance.get("/v2/images?checksum=" + ImageFiles.md5(qcow2), demo).json().get("images")
                .findValuesAsText("id")).contains(id);
        assertThat(glance.get("/v2/images?size_min=" + (qcow2.length + 1), demo).json().get("images")).isEmpty();
    }

    @Test
    void rangesAreServedWith206() {
        byte[] raw = ImageFiles.random(4096, 7);
        String id = queued("raw");
        glance.upload(id, demo, raw);
        var middle = glance.download(id, demo, "Range", "bytes=10-19");
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(raw, 10, 20));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 10-19/4096");
        var tail = glance.download(id, demo, "Range", "bytes=-5");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(raw, 4091, 4096));
        var open = glance.download(id, demo, "Range", "bytes=4000-");
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(raw, 4000, 4096));
        var beyond = glance.download(id, demo, "Range", "bytes=5000-6000");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */4096");
    }

    @Test
    void statusRulesForUploads() {
        String id = queued("raw");
        assertThat(glance.download(id, demo).statusCode()).isEqualTo(204);
        assertThat(glance.upload(id, demo, ImageFiles.random(100, 1)).statusCode()).isEqualTo(204);
        var again = glance.upload(id, demo, ImageFiles.random(100, 2));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("active").contains("saving");
        String noFormat = glance.createId(demo, "{\"name\": \"no format\"}");
        assertThat(glance.upload(noFormat, demo, new byte[10]).statusCode()).isEqualTo(400);
        var json = glance.withType("PUT", "/v2/images/" + queued("raw") + "/file", demo, "{}", "application/json");
        assertThat(json.status()).isEqualTo(415);
        String othersImage = glance.createId(admin, "{\"name\": \"admins\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\", \"visibility\": \"public\"}");
        assertThat(glance.upload(othersImage, demo, new byte[10]).statusCode()).isEqualTo(403);
    }

    @Test
    void mislabelledContentIsRefusedAndTheImageStaysQueued() {
        String id = queued("qcow2");
        var refused = glance.upload(id, demo, ImageFiles.random(300_000, 3));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Image content is raw but its disk_format is qcow2");
        JsonNode image = glance.get("/v2/images/" + id, demo).json();
        assertThat(image.get("status").asText()).isEqualTo("queued");
        assertThat(image.get("size").isNull()).isTrue();
        assertThat(glance.download(id, demo).statusCode()).isEqualTo(204);
        String raw = queued("raw");
        var qcowAsRaw = glance.upload(raw, demo, ImageFiles.qcow2("1M"));
        assertThat(qcowAsRaw.statusCode()).isEqualTo(400);
        assertThat(qcowAsRaw.body()).contains("qcow2").contains("disk_format is raw");
        // the image may be uploaded again with the right content
        assertThat(glance.upload(id, demo, ImageFiles.qcow2("1M")).statusCode()).isEqualTo(204);
    }

    @Test
    void interruptedUploadLeavesTheImageQueued() throws Exception {
        String id = queued("raw");
        var url = java.net.URI.create(cloud.baseUrl());
        try (var socket = new Socket(url.getHost(), url.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /image/v2/images/" + id + "/file HTTP/1.1\r\nHost: " + url.getHost() + "\r\n"
                    + "X-Auth-Token: " + demo + "\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: 10485760\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(ImageFiles.random(1 << 20, 4));
            out.flush();
            waitFor(() -> glance.status(id, demo).equals("saving"), "the upload to start");
        }
        waitFor(() -> glance.status(id, demo).equals("queued"), "the server to notice the broken upload");
        JsonNode image = glance.get("/v2/images/" + id, demo).json();
        assertThat(image.get("size").isNull()).isTrue();
        assertThat(image.get("checksum").isNull()).isTrue();
        assertThat(cloud.stateDir().resolve("images/data/" + id)).doesNotExist();
        try (var staging = Files.list(cloud.stateDir().resolve("images/staging"))) {
            assertThat(staging.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith(id));
        }
    }

    @Test
    void stageThenImportWithGlanceDirect() {
        byte[] qcow2 = ImageFiles.qcow2("8M");
        String id = queued("qcow2");
        var notStaged = glance.send("POST", "/v2/images/" + id + "/import", demo,
                "{\"method\": {\"name\": \"glance-direct\"}}");
        assertThat(notStaged.status()).isEqualTo(409);
        assertThat(glance.stage(id, demo, qcow2).statusCode()).isEqualTo(204);
        assertThat(glance.status(id, demo)).isEqualTo("uploading");
        assertThat(glance.send("POST", "/v2/images/" + id + "/import", demo, "{\"method\": {\"name\": \"web-download\"}}")
                .status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images/" + id + "/import", demo, "{}").status()).isEqualTo(400);
        var imported = glance.send("POST", "/v2/images/" + id + "/import", demo, "{\"method\": {\"name\": \"glance-direct\"}}");
        assertThat(imported.status()).isEqualTo(202);
        JsonNode image = glance.get("/v2/images/" + id, demo).json();
        assertThat(image.get("status").asText()).isEqualTo("active");
        assertThat(image.get("checksum").asText()).isEqualTo(ImageFiles.md5(qcow2));
        assertThat(image.get("stores").asText()).isEqualTo("file");
        assertThat(glance.download(id, demo).body()).isEqualTo(qcow2);
        JsonNode tasks = glance.get("/v2/images/" + id + "/tasks", demo).json().get("tasks");
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("status").asText()).isEqualTo("success");
        assertThat(tasks.get(0).get("request_id").asText())
                .isEqualTo(imported.headers().firstValue("x-openstack-request-id").orElseThrow());
        assertThat(tasks.get(0).at("/input/import_req/method/name").asText()).isEqualTo("glance-direct");
    }

    @Test
    void aFailedImportIsARecordedFailureAndTheImageIsQueuedAgain() {
        String id = queued("qcow2");
        assertThat(glance.stage(id, demo, ImageFiles.random(5000, 9)).statusCode()).isEqualTo(204);
        var refused = glance.send("POST", "/v2/images/" + id + "/import", demo, "{\"method\": {\"name\": \"glance-direct\"}}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(glance.status(id, demo)).isEqualTo("queued");
        JsonNode task = glance.get("/v2/images/" + id + "/tasks", demo).json().at("/tasks/0");
        assertThat(task.get("status").asText()).isEqualTo("failure");
        assertThat(task.get("message").asText()).contains("disk_format is qcow2");
    }

    @Test
    void deleteRemovesTheBytes() {
        String id = queued("raw");
        glance.upload(id, demo, ImageFiles.random(1000, 5));
        assertThat(cloud.stateDir().resolve("images/data/" + id)).exists();
        assertThat(glance.send("DELETE", "/v2/images/" + id, demo, null).status()).isEqualTo(204);
        assertThat(cloud.stateDir().resolve("images/data/" + id)).doesNotExist();
    }

    @Test
    void imagesWithBackingFilesAreRefused() throws Exception {
        Path dir = Files.createTempDirectory("kumo-backing");
        Path base = dir.resolve("base.qcow2");
        Path overlay = dir.resolve("overlay.qcow2");
        run("qemu-img", "create", "-f", "qcow2", base.toString(), "1M");
        run("qemu-img", "create", "-f", "qcow2", "-b", base.toString(), "-F", "qcow2", overlay.toString());
        String id = queued("qcow2");
        var refused = glance.upload(id, demo, Files.readAllBytes(overlay));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("backing or data file");
        Files.delete(overlay);
        Files.delete(base);
        Files.delete(dir);
    }

    private static void run(String... command) throws Exception {
        var p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
    }

    static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after 20 s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
