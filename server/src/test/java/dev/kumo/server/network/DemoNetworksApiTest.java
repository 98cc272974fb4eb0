package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo networks made at the first start, as Packstack's provisioning makes them, and only then. */
class DemoNetworksApiTest {

    @Test
    void firstStartMakesPublicPrivateAndRouter1OnceAndDeletionsStick() {
        try (TestCloud cloud = TestCloud.start(Map.of("network.demo_networks", "true",
                "network.public_cidr", "172.24.8.0/24"))) {
            var neutron = new Neutron(cloud);
            String admin = cloud.adminToken();
            String demo = cloud.demoToken();
            JsonNode pub = network(neutron, admin, "public");
            assertThat(pub.get("router:external").asBoolean()).isTrue();
            assertThat(pub.get("provider:network_type").asText()).isEqualTo("flat");
            assertThat(pub.get("provider:physical_network").asText()).isEqualTo("physnet1");
            JsonNode pubSubnet = neutron.get("/subnets?name=public_subnet", admin).json().at("/subnets/0");
            assertThat(pubSubnet.get("cidr").asText()).isEqualTo("172.24.8.0/24");
            assertThat(pubSubnet.get("gateway_ip").asText()).isEqualTo("172.24.8.1");
            assertThat(pubSubnet.get("enable_dhcp").asBoolean()).isFalse();
            JsonNode priv = network(neutron, demo, "private");
            assertThat(neutron.get("/subnets?name=private_subnet", demo).json().at("/subnets/0/cidr").asText())
                    .isEqualTo("10.0.0.0/24");
            JsonNode router = neutron.get("/routers?name=router1", demo).json().at("/routers/0");
            assertThat(router.at("/external_gateway_info/network_id").asText()).isEqualTo(pub.get("id").asText());
            assertThat(neutron.get("/ports?device_id=" + router.get("id").asText()
                    + "&device_owner=network:router_interface", demo).json().at("/ports/0/network_id").asText())
                    .isEqualTo(priv.get("id").asText());

            cloud.restart();
            assertThat(neutron.get("/networks?name=public", cloud.adminToken()).json().get("networks")).hasSize(1);

            String demoAgain = cloud.demoToken();
            String routerId = router.get("id").asText();
            String subnetId = neutron.get("/subnets?name=private_subnet", demoAgain).json().at("/subnets/0/id").asText();
            neutron.put("/routers/" + routerId + "/remove_router_interface", demoAgain,
                    "{\"subnet_id\": \"" + subnetId + "\"}");
            assertThat(neutron.delete("/routers/" + routerId, demoAgain).status()).isEqualTo(204);
            cloud.restart();
            assertThat(neutron.get("/routers?name=router1", cloud.demoToken()).json().get("routers"))
                    .as("a deleted demo router is not made again").isEmpty();
        }
    }

    private static JsonNode network(Neutron neutron, String token, String name) {
        JsonNode list = neutron.get("/networks?name=" + name, token).json().get("networks");
        assertThat(list).as("network " + name).hasSize(1);
        return list.get(0);
    }
}
