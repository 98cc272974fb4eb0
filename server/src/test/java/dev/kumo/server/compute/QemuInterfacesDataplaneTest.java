package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * os-interface on the real drivers: the built-in image boots on one network (a user-data script prints its
 * interfaces on the console whenever they change); attaching a port on a second network puts its tap in the
 * guest's launch record and its address in the server's and makes the guest list eth1; detaching removes them
 * all and deletes the port kumo made. Needs root and QEMU.
 */
@Tag("dataplane")
class QemuInterfacesDataplaneTest {
    private static final Duration GUEST_BOUND = Duration.ofSeconds(120);
    private static final String WATCH_NICS = """
            #!/bin/sh
            ( trap '' HUP; last=; while :; do n=$(ls /sys/class/net | tr '\\n' ' '); \
            [ "$n" != "$last" ] && echo "kq-nics: $n" && last=$n; sleep 1; done ) > /dev/console 2>&1 &
            """;

    @Test
    void theGuestSeesAnAttachedInterfaceAndLosesADetachedOne() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "run as root");
        Path builtin = QemuServerDataplaneTest.guestImage();
        assumeTrue(builtin != null, "no built-in guest image and no guest-image/build to make one");
        try (TestCloud cloud = TestCloud.startReal(builtin)) {
            try {
                var nova = new Nova(cloud);
                String token = cloud.demoToken();
                String first = nova.network(token, "hot-a", "10.61.0.0/24");
                String second = nova.network(token, "hot-b", "10.62.0.0/24");
                String cirros = cloud.get(cloud.baseUrl() + "/image/v2/images?name=cirros", token).json()
                        .at("/images/0/id").asText();
                String userData = Base64.getEncoder().encodeToString(WATCH_NICS.getBytes(StandardCharsets.UTF_8));
                String id = nova.boot(token, "\"name\": \"hot\", \"imageRef\": \"" + cirros + "\", \"flavorRef\": \"1\", "
                        + "\"config_drive\": true, \"user_data\": \"" + userData + "\", "
                        + "\"networks\": [{\"uuid\": \"" + first + "\"}]");
                nova.await(token, id, "ACTIVE", GUEST_BOUND);
                awaitNics(nova, token, id, "eth0 lo");
                String path = "/servers/" + id + "/os-interface";

                long started = System.nanoTime();
                var attached = nova.post(path, token, "{\"interfaceAttachment\": {\"net_id\": \"" + second + "\"}}");
                assertThat(attached.status()).as(attached.body()).isEqualTo(200);
                String port = attached.json().at("/interfaceAttachment/port_id").asText();
                Path launch = cloud.stateDir().resolve("instances").resolve(id).resolve("launch.json");
                String tap = dev.kumo.spi.network.DeviceNames.tap(port);
                assertThat(Files.readString(launch)).contains("\"tap\":\"" + tap + "\"");
                System.out.printf("os-interface attach: %.1f s%n", (System.nanoTime() - started) / 1e9);
                awaitNics(nova, token, id, "eth0 eth1 lo");
                System.out.printf("attach -> guest sees eth1: %.1f s%n", (System.nanoTime() - started) / 1e9);
                JsonNode listed = nova.get(path, token).json().get("interfaceAttachments");
                assertThat(listed).hasSize(2);
                assertThat(nova.get("/servers/" + id, token).json().at("/server/addresses").has("hot-b")).isTrue();

                started = System.nanoTime();
                assertThat(nova.delete(path + "/" + port, token).status()).isEqualTo(202);
                System.out.printf("os-interface detach: %.1f s%n", (System.nanoTime() - started) / 1e9);
                assertThat(Files.readString(launch)).doesNotContain(tap);
                awaitNics(nova, token, id, "eth0 lo");
                System.out.printf("detach -> guest lost eth1: %.1f s%n", (System.nanoTime() - started) / 1e9);
                assertThat(cloud.get(cloud.baseUrl() + "/network/v2.0/ports/" + port, token).status()).isEqualTo(404);
                assertThat(nova.get(path, token).json().get("interfaceAttachments")).hasSize(1);
            } finally {
                QemuServerDataplaneTest.deleteAllServers(cloud); // a failed test leaves no guest running
            }
        }
    }

    /** Waits until the last "kq-nics:" line of the console lists exactly {@code nics}. */
    private static void awaitNics(Nova nova, String token, String id, String nics) throws Exception {
        Instant deadline = Instant.now().plus(GUEST_BOUND);
        String last = null;
        String output = "";
        while (Instant.now().isBefore(deadline)) {
            output = nova.post("/servers/" + id + "/action", token, "{\"os-getConsoleOutput\": {}}").json()
                    .path("output").asText();
            // the guest's loop may print right after the login prompt, which ends without a newline
            last = output.lines().filter(l -> l.contains("kq-nics: ")).map(l -> l.substring(l.indexOf("kq-nics: ")))
                    .reduce((a, b) -> b).orElse(null);
            if (last != null && last.substring("kq-nics: ".length()).strip().equals(nics)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the guest did not list \"" + nics + "\" within " + GUEST_BOUND.toSeconds()
                + " s; its last list: " + last + "; console ends with:\n"
                + output.substring(Math.max(0, output.length() - 2000)));
    }
}
