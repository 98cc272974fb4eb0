package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code compute.resume_guests_on_start = false}: after a restart on which the fake hypervisor has lost every
 * guest, ACTIVE servers come back SHUTOFF (power state shutdown) instead of running, and start on request.
 */
class ResumeGuestsSettingApiTest {

    @Test
    void activeServersWhoseGuestIsNotRunningAreMarkedShutOff() throws Exception {
        try (TestCloud cloud = TestCloud.start(Map.of("compute.resume_guests_on_start", "false"))) {
            var nova = new Nova(cloud);
            String demo = cloud.demoToken();
            String image = nova.image(demo, "tiny-image", 96, 0, 1024);
            String net = nova.network(demo, "resume-net", "10.7.0.0/24");
            String running = nova.boot(demo, "\"name\": \"running\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
            String paused = nova.boot(demo, "\"name\": \"paused\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
            nova.await(demo, running, "ACTIVE");
            nova.await(demo, paused, "ACTIVE");
            assertThat(nova.post("/servers/" + paused + "/action", demo, "{\"pause\": null}").status()).isEqualTo(202);
            nova.await(demo, paused, "PAUSED");

            cloud.restart();
            String token = cloud.demoToken();
            var server = nova.await(token, running, "SHUTOFF");
            assertThat(server.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
            assertThat(nova.await(token, paused, "PAUSED").get("OS-EXT-STS:power_state").asInt()).isEqualTo(3);

            assertThat(nova.post("/servers/" + running + "/action", token, "{\"os-start\": null}").status()).isEqualTo(202);
            assertThat(nova.await(token, running, "ACTIVE").get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        }
    }

    @Test
    void byDefaultTheyRunAgain() throws Exception {
        try (TestCloud cloud = TestCloud.start()) {
            var nova = new Nova(cloud);
            String demo = cloud.demoToken();
            String image = nova.image(demo, "tiny-image", 96, 0, 1024);
            String net = nova.network(demo, "resume-net", "10.7.0.0/24");
            String id = nova.boot(demo, "\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
            nova.await(demo, id, "ACTIVE");
            cloud.restart();
            assertThat(nova.await(cloud.demoToken(), id, "ACTIVE").get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        }
    }
}
