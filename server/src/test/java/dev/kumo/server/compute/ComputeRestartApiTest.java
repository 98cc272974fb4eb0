package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Servers the API acknowledged survive a restart: builds in flight converge, and running guests stay usable. */
class ComputeRestartApiTest {
    static TestCloud cloud;
    static Nova nova;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void buildsInterruptedByARestartConvergeAndActiveServersKeepWorking() throws Exception {
        String demo = cloud.demoToken();
        String image = nova.image(demo, "img", 0, 0, 512);
        String net = nova.network(demo, "restart-net", "10.9.0.0/24");
        String first = nova.boot(demo, "\"name\": \"before\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
        nova.await(demo, first, "ACTIVE");
        var burst = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            burst.add(nova.boot(demo, "\"name\": \"burst-" + i + "\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]"));
        }
        cloud.restart();
        String token = cloud.demoToken();
        for (String id : burst) {
            assertThat(nova.await(token, id, "ACTIVE").at("/addresses/restart-net")).hasSize(1);
        }
        assertThat(nova.post("/servers/" + first + "/action", token, "{\"os-stop\": null}").status()).isEqualTo(202);
        nova.await(token, first, "SHUTOFF");
        var ports = cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_owner=compute:nova&network_id=" + net, cloud.adminToken()).json().get("ports");
        assertThat(ports).as("one port per server, none leaked by the restart").hasSize(6);
    }
}
