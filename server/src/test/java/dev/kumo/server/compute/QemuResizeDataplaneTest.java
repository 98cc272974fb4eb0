package dev.kumo.server.compute;

import static dev.kumo.server.compute.QemuServerDataplaneTest.awaitConsole;
import static dev.kumo.server.compute.QemuServerDataplaneTest.pid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.server.TestCloud;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * resize on the real virt driver: the QEMU guest of the built-in image restarts with the new flavor's vCPUs and
 * RAM (its command line says so) on a root disk grown to the new size, boots to its login prompt, and a
 * revert restarts it with the old vCPUs and RAM. Needs root and QEMU; no NICs.
 */
@Tag("dataplane")
class QemuResizeDataplaneTest {
    /** A resize or rebuild powers a TCG guest down and up again: more than the API tests' 10 s. */
    private static final java.time.Duration GUEST_BOUND = java.time.Duration.ofSeconds(90);
    private static final String[] MV = {"OpenStack-API-Version", "compute 2.47"};

    @Test
    void aResizedGuestRestartsWithTheNewSizesAndARevertRestoresThem() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "run as root");
        Path builtin = QemuServerDataplaneTest.guestImage();
        assumeTrue(builtin != null, "no built-in guest image and no guest-image/build to make one");
        try (TestCloud cloud = TestCloud.startReal(builtin)) {
            try {
                var nova = new Nova(cloud);
                String admin = cloud.adminToken();
                var flavor = nova.post("/flavors", admin, "{\"flavor\": {\"name\": \"resize-up\", \"id\": \"resize-up\", "
                        + "\"vcpus\": 2, \"ram\": 256, \"disk\": 2}}");
                assertThat(flavor.status()).as(flavor.body()).isEqualTo(200);
                String token = cloud.demoToken();
                String cirros = cloud.get(cloud.baseUrl() + "/image/v2/images?name=cirros", token).json()
                        .at("/images/0/id").asText();
                var created = nova.post("/servers", token, "{\"server\": {\"name\": \"resize-me\", \"imageRef\": \"" + cirros
                        + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}", MV);
                assertThat(created.status()).as(created.body()).isEqualTo(202);
                String id = created.json().at("/server/id").asText();
                nova.await(token, id, "ACTIVE", GUEST_BOUND);
                awaitConsole(nova, token, id, "login:");
                Path dir = cloud.stateDir().resolve("instances").resolve(id);

                assertThat(nova.post("/servers/" + id + "/action", token, "{\"resize\": {\"flavorRef\": \"resize-up\"}}", MV)
                        .status()).isEqualTo(202);
                JsonNode resized = nova.await(token, id, "VERIFY_RESIZE", GUEST_BOUND);
                assertThat(resized.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
                assertThat(cmdline(pid(dir))).contains("-smp 2").containsPattern("-m (256|size=256)");
                assertThat(virtualSize(dir.resolve("disk.qcow2"))).isEqualTo(2L << 30);
                awaitConsole(nova, token, id, "login:");

                assertThat(nova.post("/servers/" + id + "/action", token, "{\"revertResize\": null}", MV).status())
                        .isEqualTo(202);
                JsonNode reverted = nova.await(token, id, "ACTIVE", GUEST_BOUND);
                assertThat(reverted.at("/flavor/id").asText()).isEqualTo("1");
                assertThat(cmdline(pid(dir))).contains("-smp 1").containsPattern("-m (512|size=512)");
                awaitConsole(nova, token, id, "login:");

                assertThat(nova.delete("/servers/" + id, token).status()).isEqualTo(204);
                nova.awaitGone(token, id);
            } finally {
                QemuServerDataplaneTest.deleteAllServers(cloud); // a failed test leaves no guest running
            }
        }
    }

    private static String cmdline(long pid) throws Exception {
        return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                .replace('\0', ' ');
    }

    private static long virtualSize(Path disk) throws Exception {
        Process p = new ProcessBuilder("qemu-img", "info", "-U", "--output=json", disk.toString()).start();
        JsonNode info = new ObjectMapper().readTree(p.getInputStream());
        assertThat(p.waitFor()).isZero();
        return info.get("virtual-size").asLong();
    }
}
