package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A floating IP associated with a server's port shows in its addresses, typed "floating", until disassociated. */
class ServerFloatingAddressesApiTest {

    @Test
    void floatingIpAppearsInAddressesOfShowDetailAndIps() throws Exception {
        try (TestCloud cloud = TestCloud.start(Map.of("network.demo_networks", "true"))) {
            var nova = new Nova(cloud);
            String demo = cloud.demoToken();
            String image = nova.image(demo, "tiny-image", 96, 0, 1024);
            String net = cloud.get(cloud.baseUrl() + "/network/v2.0/networks?name=private", demo).json()
                    .at("/networks/0/id").asText();
            String pub = cloud.get(cloud.baseUrl() + "/network/v2.0/networks?name=public", demo).json()
                    .at("/networks/0/id").asText();
            String id = nova.boot(demo, "\"name\": \"fip-1\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
            nova.await(demo, id, "ACTIVE");
            String port = cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_id=" + id, demo).json()
                    .at("/ports/0/id").asText();
            var fip = cloud.send("POST", cloud.baseUrl() + "/network/v2.0/floatingips", demo,
                    "{\"floatingip\": {\"floating_network_id\": \"" + pub + "\", \"port_id\": \"" + port + "\"}}");
            assertThat(fip.status()).as(fip.body()).isEqualTo(201);
            String address = fip.json().at("/floatingip/floating_ip_address").asText();

            JsonNode shown = nova.get("/servers/" + id, demo).json().at("/server/addresses/private");
            assertThat(shown).hasSize(2);
            assertThat(shown.get(0).get("OS-EXT-IPS:type").asText()).isEqualTo("fixed");
            assertThat(shown.get(1).get("addr").asText()).isEqualTo(address);
            assertThat(shown.get(1).get("OS-EXT-IPS:type").asText()).isEqualTo("floating");
            assertThat(nova.get("/servers/detail", demo).json().at("/servers/0/addresses/private/1/addr").asText())
                    .isEqualTo(address);
            assertThat(nova.get("/servers/" + id + "/ips", demo).json().at("/addresses/private/1/addr").asText())
                    .isEqualTo(address);

            var unset = cloud.send("PUT", cloud.baseUrl() + "/network/v2.0/floatingips/" + fip.json().at("/floatingip/id").asText(),
                    demo, "{\"floatingip\": {\"port_id\": null}}");
            assertThat(unset.status()).as(unset.body()).isEqualTo(200);
            assertThat(nova.get("/servers/" + id, demo).json().at("/server/addresses/private")).hasSize(1);
        }
    }
}
