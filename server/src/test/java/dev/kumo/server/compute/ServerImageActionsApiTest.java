package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** createImage and rebuild through the API, on the fake driver. */
class ServerImageActionsApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String admin;
    static String image;
    static String otherImage;
    static String net;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        image = nova.image(demo, "base-image", 96, 0, 1024);
        otherImage = nova.image(demo, "other-image", 96, 0, 2048);
        net = nova.network(demo, "private", "10.3.0.0/24");
    }

    /** Each test's servers go, so the project's instance quota (10) never runs out. */
    @org.junit.jupiter.api.AfterEach
    void deleteServers() throws InterruptedException {
        for (JsonNode s : nova.get("/servers", demo).json().get("servers")) {
            nova.delete("/servers/" + s.get("id").asText(), demo);
            nova.awaitGone(demo, s.get("id").asText());
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String boot(String name, String extra) throws InterruptedException {
        String id = nova.boot(demo, "\"name\": \"" + name + "\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": [{\"uuid\": \"" + net + "\"}]" + extra);
        nova.await(demo, id, "ACTIVE");
        return id;
    }

    private static TestCloud.Response action(String id, String body, String... headers) {
        return nova.post("/servers/" + id + "/action", demo, body, headers);
    }

    private static JsonNode image(String id) {
        return cloud.get(cloud.baseUrl() + "/image/v2/images/" + id, demo).json();
    }

    /** Waits (bounded) until the image has {@code status}; returns it. */
    private static JsonNode awaitImage(String id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = image(id);
            if (status.equals(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("image " + id + " did not become " + status + " in 10 s; last seen: " + last);
    }

    @Test
    void createImageAnswersTheImageUrlAndTheSnapshotBecomesAnActiveImageOfTheServer() throws Exception {
        String id = boot("snap-me", "");
        var r = action(id, "{\"createImage\": {\"name\": \"snap-1\", \"metadata\": {\"purpose\": \"backup\"}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(cloud.baseUrl() + "/image/v2/images/");
        String imageId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode snap = awaitImage(imageId, "active");
        assertThat(snap.get("name").asText()).isEqualTo("snap-1");
        assertThat(snap.get("visibility").asText()).isEqualTo("private");
        assertThat(snap.get("disk_format").asText()).isEqualTo("qcow2");
        assertThat(snap.get("container_format").asText()).isEqualTo("bare");
        assertThat(snap.get("image_type").asText()).isEqualTo("snapshot");
        assertThat(snap.get("instance_uuid").asText()).isEqualTo(id);
        assertThat(snap.get("base_image_ref").asText()).isEqualTo(image);
        assertThat(snap.get("purpose").asText()).isEqualTo("backup");
        assertThat(snap.get("min_ram").asInt()).as("inherited from the base image").isEqualTo(96);
        var server = nova.await(demo, id, "ACTIVE");
        assertThat(snap.get("owner").asText()).isEqualTo(server.get("tenant_id").asText());
        assertThat(snap.get("user_id").asText()).isEqualTo(server.get("user_id").asText());
        // the snapshot boots
        String fromSnapshot = nova.boot(demo, "\"name\": \"from-snap\", \"imageRef\": \"" + imageId
                + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + net + "\"}]");
        assertThat(nova.await(demo, fromSnapshot, "ACTIVE").at("/image/id").asText()).isEqualTo(imageId);
    }

    @Test
    void from245TheImageIdIsInTheBodyAndStoppedOrPausedServersMaySnapshot() throws Exception {
        String id = boot("snap-245", "");
        action(id, "{\"pause\": null}");
        nova.await(demo, id, "PAUSED");
        var r = action(id, "{\"createImage\": {\"name\": \"paused-snap\"}}", "OpenStack-API-Version", "compute 2.45");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        awaitImage(r.json().get("image_id").asText(), "active");
        assertThat(nova.await(demo, id, "PAUSED").get("OS-EXT-STS:power_state").asInt()).isEqualTo(3);
    }

    @Test
    void createImageRefusesBadRequestsAndStatesNovaRefuses() throws Exception {
        String id = boot("snap-bad", "");
        var noName = Nova.fault(action(id, "{\"createImage\": {}}"), 400, "badRequest");
        assertThat(noName.get("message").asText()).contains("'name' is a required property");
        String broken = nova.boot(demo, "\"name\": \"snap-err\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": [{\"uuid\": \"" + net + "\"}], \"metadata\": {\"kumo:fake-fail-spawn\": \"no\"}");
        nova.await(demo, broken, "ERROR");
        var refused = Nova.fault(action(broken, "{\"createImage\": {\"name\": \"x\"}}"), 409, "conflictingRequest");
        assertThat(refused.get("message").asText()).isEqualTo("Cannot 'createImage' instance " + broken
                + " while it is in vm_state error");
        Nova.fault(action("00000000-0000-0000-0000-000000000000", "{\"createImage\": {\"name\": \"x\"}}"), 404, "itemNotFound");
        var images = cloud.get(cloud.baseUrl() + "/image/v2/images?name=x", demo).json().get("images");
        assertThat(images).as("a refused createImage leaves no image").isEmpty();
    }

    @Test
    void aFailedSnapshotDeletesTheImageAndLeavesTheServerAsItWas() throws Exception {
        String id = boot("snap-fails", ", \"metadata\": {\"kumo:fake-fail-snapshot\": \"disk unreadable\"}");
        var r = action(id, "{\"createImage\": {\"name\": \"doomed-snap\"}}", "OpenStack-API-Version", "compute 2.45");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String imageId = r.json().get("image_id").asText();
        var server = nova.await(demo, id, "ACTIVE");
        assertThat(server.get("OS-EXT-STS:vm_state").asText()).isEqualTo("active");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (cloud.get(cloud.baseUrl() + "/image/v2/images/" + imageId, demo).status() != 404
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(cloud.get(cloud.baseUrl() + "/image/v2/images/" + imageId, demo).status()).isEqualTo(404);
    }

    @Test
    void rebuildReplacesImageNameAndMetadataKeepingTheAddresses() throws Exception {
        String id = boot("rebuild-me", ", \"metadata\": {\"old\": \"yes\"}");
        JsonNode before = nova.get("/servers/" + id, demo).json().get("server");
        var r = action(id, "{\"rebuild\": {\"imageRef\": \"" + otherImage + "\", \"name\": \"rebuilt\", "
                + "\"metadata\": {\"rebuild\": \"server\"}, \"adminPass\": \"rebuildPassw0rd\"}}",
                "OpenStack-API-Version", "compute 2.47");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode body = r.json().get("server");
        assertThat(body.get("status").asText()).isEqualTo("REBUILD");
        assertThat(body.get("adminPass").asText()).isEqualTo("rebuildPassw0rd");
        assertThat(body.at("/image/id").asText()).isEqualTo(otherImage);
        assertThat(body.at("/flavor/original_name").asText()).isEqualTo("m1.tiny");
        JsonNode after = nova.await(demo, id, "ACTIVE");
        assertThat(after.get("name").asText()).isEqualTo("rebuilt");
        assertThat(after.get("metadata").toString()).isEqualTo("{\"rebuild\":\"server\"}");
        assertThat(after.get("addresses")).isEqualTo(before.get("addresses"));
        assertThat(after.at("/image/id").asText()).isEqualTo(otherImage);
        var listed = nova.get("/servers?image=" + otherImage, demo).json().get("servers");
        assertThat(listed.findValuesAsText("id")).as("the image filter sees the new image").contains(id);
    }

    @Test
    void aStoppedServerIsRebuiltAndStaysStopped() throws Exception {
        String id = boot("rebuild-stopped", "");
        action(id, "{\"os-stop\": null}");
        nova.await(demo, id, "SHUTOFF");
        var r = action(id, "{\"rebuild\": {\"imageRef\": \"" + otherImage + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().at("/server/adminPass").asText()).isNotEmpty();
        JsonNode after = nova.await(demo, id, "SHUTOFF");
        assertThat(after.at("/image/id").asText()).isEqualTo(otherImage);
        assertThat(after.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
    }

    @Test
    void rebuildRefusesUnknownImagesPausedServersAndUnknownFields() throws Exception {
        String id = boot("rebuild-bad", "");
        var unknown = Nova.fault(action(id, "{\"rebuild\": {\"imageRef\": \"11111111-1111-1111-1111-111111111111\"}}"),
                400, "badRequest");
        assertThat(unknown.get("message").asText()).contains("11111111-1111-1111-1111-111111111111");
        Nova.fault(action(id, "{\"rebuild\": {\"imageRef\": \"" + otherImage + "\", \"key_name\": \"k\"}}"), 400, "badRequest");
        action(id, "{\"pause\": null}");
        nova.await(demo, id, "PAUSED");
        var paused = Nova.fault(action(id, "{\"rebuild\": {\"imageRef\": \"" + otherImage + "\"}}"), 409, "conflictingRequest");
        assertThat(paused.get("message").asText()).isEqualTo("Cannot 'rebuild' instance " + id + " while it is in vm_state paused");
    }

    @Test
    void aRebuildWhoseSpawnFailsEndsInErrorWithTheFaultAndKeepsThePorts() throws Exception {
        String id = boot("rebuild-fails", "");
        var r = action(id, "{\"rebuild\": {\"imageRef\": \"" + otherImage + "\", "
                + "\"metadata\": {\"kumo:fake-fail-spawn\": \"image unreadable\"}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode s = nova.await(demo, id, "ERROR");
        assertThat(s.at("/fault/message").asText()).contains("image unreadable");
        var ports = cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_id=" + id, admin).json().get("ports");
        assertThat(ports).hasSize(1);
        // Nova allows rebuilding a server in ERROR: it comes back ACTIVE
        assertThat(action(id, "{\"rebuild\": {\"imageRef\": \"" + image + "\", \"metadata\": {}}}").status()).isEqualTo(202);
        nova.await(demo, id, "ACTIVE");
    }

    @Test
    void theComputeImageProxyFollowsASnapshotToActiveAndDeletesItBefore236() throws Exception {
        String id = boot("proxy-snap", "");
        var r = action(id, "{\"createImage\": {\"name\": \"proxied\"}}");
        String location = r.headers().firstValue("Location").orElseThrow();
        String imageId = location.substring(location.lastIndexOf('/') + 1);
        awaitImage(imageId, "active");
        JsonNode shown = nova.get("/images/" + imageId, demo).json().get("image");
        assertThat(shown.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(shown.get("progress").asInt()).isEqualTo(100);
        assertThat(shown.at("/server/id").asText()).isEqualTo(id);
        assertThat(shown.at("/metadata/image_type").asText()).isEqualTo("snapshot");
        var byServer = nova.get("/images/detail?server=" + id, demo).json().get("images");
        assertThat(byServer.findValuesAsText("name")).as(byServer.toString()).containsExactly("proxied");
        assertThat(nova.get("/images?type=snapshot&limit=1", demo).json().get("images")).hasSize(1);
        Nova.fault(nova.get("/images/" + imageId, demo, "OpenStack-API-Version", "compute 2.36"), 404, "itemNotFound");
        assertThat(nova.delete("/images/" + imageId, demo).status()).isEqualTo(204);
        var gone = Nova.fault(nova.get("/images/" + imageId, demo), 404, "itemNotFound");
        assertThat(gone.get("message").asText()).isEqualTo("Image not found.");
    }

    @Test
    void createBackupKeepsTheNewestBackupsOfItsTypeAsTheRotationSays() throws Exception {
        String id = boot("backed-up", "");
        var ids = new java.util.ArrayList<String>();
        for (int i = 1; i <= 3; i++) {
            Thread.sleep(1100); // image times have whole seconds: keep "oldest" well defined
            var r = action(id, "{\"createBackup\": {\"name\": \"daily-" + i + "\", \"backup_type\": \"daily\", "
                    + "\"rotation\": 2}}", "OpenStack-API-Version", "compute 2.45");
            assertThat(r.status()).as(r.body()).isEqualTo(202);
            ids.add(r.json().get("image_id").asText());
            JsonNode image = awaitImage(ids.getLast(), "active");
            assertThat(image.get("image_type").asText()).isEqualTo("backup");
            assertThat(image.get("backup_type").asText()).isEqualTo("daily");
            nova.await(demo, id, "ACTIVE");
        }
        var kept = cloud.get(cloud.baseUrl() + "/image/v2/images?instance_uuid=" + id + "&image_type=backup", demo)
                .json().get("images").findValuesAsText("id");
        assertThat(kept).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        Nova.fault(action(id, "{\"createBackup\": {\"name\": \"x\", \"backup_type\": \"daily\"}}"), 400, "badRequest");
    }
}
