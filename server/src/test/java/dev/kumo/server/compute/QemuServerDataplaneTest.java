package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.server.TestCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code server create} on the real virt driver: a QEMU guest of the built-in image boots (its console shows the
 * login prompt through os-getConsoleOutput), stops and starts, survives a restart of kumo as the same process,
 * and delete leaves no process or folder. No NIC (the network side is another driver's). Needs root and QEMU.
 */
@Tag("dataplane")
class QemuServerDataplaneTest {
    private static final String NOVA_2_37 = "X-OpenStack-Nova-API-Version";

    @Test
    void serverCreateBootsAQemuGuestThatOutlivesARestartOfKumo() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "run as root");
        Path image = guestImage();
        assumeTrue(image != null, "no built-in guest image and no guest-image/build to make one");
        try (TestCloud cloud = TestCloud.startReal(image)) {
            var nova = new Nova(cloud);
            String token = cloud.demoToken();
            String imageId = cloud.get(cloud.baseUrl() + "/image/v2/images?name=cirros", token).json()
                    .at("/images/0/id").asText();
            var created = nova.post("/servers", token, "{\"server\": {\"name\": \"real\", \"imageRef\": \"" + imageId
                    + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}", NOVA_2_37, "2.37");
            assertThat(created.status()).as(created.body()).isEqualTo(202);
            String id = created.json().at("/server/id").asText();
            nova.await(token, id, "ACTIVE");
            Path dir = cloud.stateDir().resolve("instances").resolve(id);
            long pid = pid(dir);
            assertThat(alive(pid)).isTrue();
            awaitConsole(nova, token, id, "login:");

            assertThat(nova.post("/servers/" + id + "/action", token, "{\"os-stop\": null}").status()).isEqualTo(202);
            nova.await(token, id, "SHUTOFF");
            assertThat(alive(pid)).isFalse();
            assertThat(nova.post("/servers/" + id + "/action", token, "{\"os-start\": null}").status()).isEqualTo(202);
            assertThat(nova.await(token, id, "ACTIVE").get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
            long running = pid(dir);

            cloud.restart();
            token = cloud.demoToken();
            assertThat(nova.await(token, id, "ACTIVE").get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
            assertThat(pid(dir)).isEqualTo(running);
            assertThat(alive(running)).isTrue();

            assertThat(nova.delete("/servers/" + id, token).status()).isEqualTo(204);
            nova.awaitGone(token, id);
            assertThat(dir).doesNotExist();
            assertThat(alive(running)).isFalse();
        }
    }

    /** {@code kumo.guestImage} / KUMO_GUEST_IMAGE, else what {@code guest-image/build} makes in target/guest-cache. */
    static Path guestImage() throws Exception {
        String path = System.getProperty("kumo.guestImage", System.getenv("KUMO_GUEST_IMAGE"));
        if (path != null && Files.isRegularFile(Path.of(path))) {
            return Path.of(path);
        }
        Path builder = Path.of(System.getProperty("kumo.guestImage.builder", "../guest-image/build"));
        if (!Files.isExecutable(builder)) {
            return null;
        }
        Process build = new ProcessBuilder(builder.toString(), "target/guest-cache").redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (build.waitFor() != 0) {
            throw new AssertionError("guest-image/build failed: " + output);
        }
        String[] lines = output.strip().split("\n");
        return Path.of(lines[lines.length - 1].strip());
    }

    /** Deletes every server of every project (guests outlive kumo by design, so a failed test must end them). */
    static void deleteAllServers(TestCloud cloud) throws InterruptedException {
        var nova = new Nova(cloud);
        String admin = cloud.adminToken();
        var servers = nova.get("/servers?all_tenants=1", admin).json().path("servers");
        for (var s : servers) {
            nova.delete("/servers/" + s.get("id").asText(), admin);
        }
        for (var s : servers) {
            try {
                nova.awaitGone(admin, s.get("id").asText());
            } catch (AssertionError e) {
                System.err.println("cleanup: " + e.getMessage());
            }
        }
    }

    static long pid(Path dir) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve("qemu.pid")).strip());
    }

    /** Alive and not a zombie waiting for PID 1 to reap it. */
    static boolean alive(long pid) throws IOException {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    static void awaitConsole(Nova nova, String token, String id, String text) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String output = "";
        while (Instant.now().isBefore(deadline)) {
            var r = nova.post("/servers/" + id + "/action", token, "{\"os-getConsoleOutput\": {\"length\": 50}}");
            output = r.json().path("output").asText();
            if (output.contains(text)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the console did not show \"" + text + "\" in 90 s; it ends with:\n" + output);
    }
}
