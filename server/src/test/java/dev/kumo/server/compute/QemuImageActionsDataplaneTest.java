package dev.kumo.server.compute;

import static dev.kumo.server.compute.QemuServerDataplaneTest.alive;
import static dev.kumo.server.compute.QemuServerDataplaneTest.awaitConsole;
import static dev.kumo.server.compute.QemuServerDataplaneTest.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * createImage and rebuild on the real virt driver: a snapshot of a running QEMU guest of the built-in image
 * becomes an active qcow2 image that boots to its login prompt, and a rebuild replaces the guest (a new QEMU
 * process, a fresh console) that boots again. Needs root and QEMU; no NICs (the network is another driver's).
 */
@Tag("dataplane")
class QemuImageActionsDataplaneTest {
    /** A resize or rebuild powers a TCG guest down and up again: more than the API tests' 10 s. */
    private static final java.time.Duration GUEST_BOUND = java.time.Duration.ofSeconds(90);
    private static final String[] MV = {"OpenStack-API-Version", "compute 2.45"};

    @Test
    void aSnapshotOfARunningGuestBootsAndARebuildStartsAFreshGuest() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "run as root");
        Path builtin = QemuServerDataplaneTest.guestImage();
        assumeTrue(builtin != null, "no built-in guest image and no guest-image/build to make one");
        try (TestCloud cloud = TestCloud.startReal(builtin)) {
            try {
                var nova = new Nova(cloud);
                String token = cloud.demoToken();
                String cirros = cloud.get(cloud.baseUrl() + "/image/v2/images?name=cirros", token).json()
                        .at("/images/0/id").asText();
                String id = boot(nova, token, "origin", cirros);
                awaitConsole(nova, token, id, "login:");

                Instant t0 = Instant.now();
                var r = nova.post("/servers/" + id + "/action", token, "{\"createImage\": {\"name\": \"origin-snap\"}}", MV);
                assertThat(r.status()).as(r.body()).isEqualTo(202);
                String snapshot = r.json().get("image_id").asText();
                JsonNode image = awaitActive(cloud, token, snapshot);
                System.out.printf("createImage of a running guest: image active in %d ms (%d bytes)%n",
                        Duration.between(t0, Instant.now()).toMillis(), image.get("size").asLong());
                assertThat(image.get("disk_format").asText()).isEqualTo("qcow2");
                assertThat(image.get("os_distro").asText()).as("inherited from cirros").isEqualTo("cirros");
                assertThat(nova.await(token, id, "ACTIVE", GUEST_BOUND).get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);

                String copy = boot(nova, token, "from-snapshot", snapshot);
                awaitConsole(nova, token, copy, "login:");

                Path dir = cloud.stateDir().resolve("instances").resolve(id);
                long before = pid(dir);
                var rebuilt = nova.post("/servers/" + id + "/action", token, "{\"rebuild\": {\"imageRef\": \"" + snapshot
                        + "\", \"name\": \"rebuilt\"}}", MV);
                assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(202);
                assertThat(rebuilt.json().at("/server/status").asText()).isEqualTo("REBUILD");
                JsonNode after = nova.await(token, id, "ACTIVE", GUEST_BOUND);
                assertThat(after.at("/image/id").asText()).isEqualTo(snapshot);
                long now = pid(dir);
                assertThat(now).isNotEqualTo(before);
                assertThat(alive(before)).isFalse();
                assertThat(alive(now)).isTrue();
                awaitConsole(nova, token, id, "login:");

                for (String server : new String[] {id, copy}) {
                    assertThat(nova.delete("/servers/" + server, token).status()).isEqualTo(204);
                    nova.awaitGone(token, server);
                }
                assertThat(cloud.send("DELETE", cloud.baseUrl() + "/image/v2/images/" + snapshot, token, null).status())
                        .isEqualTo(204);
            } finally {
                QemuServerDataplaneTest.deleteAllServers(cloud); // a failed test leaves no guest running
            }
        }
    }

    private static String boot(Nova nova, String token, String name, String image) throws InterruptedException {
        var created = nova.post("/servers", token, "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}", MV);
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().at("/server/id").asText();
        nova.await(token, id, "ACTIVE", GUEST_BOUND);
        return id;
    }

    private static JsonNode awaitActive(TestCloud cloud, String token, String imageId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = cloud.get(cloud.baseUrl() + "/image/v2/images/" + imageId, token).json();
            if ("active".equals(last.path("status").asText())) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("snapshot image " + imageId + " not active in 60 s; last seen: " + last);
    }
}
