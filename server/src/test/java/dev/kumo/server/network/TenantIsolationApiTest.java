package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A project sees its own, the shared and the external; another project's resources do not exist for it. */
class TenantIsolationApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String admin;
    static String demo;
    static String alt;
    static String altNet;
    static String altSubnet;
    static String altPort;
    static String shared;
    static String external;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
        alt = neutron.otherProjectToken(admin, "alt");
        altNet = neutron.network(alt, "alt-private");
        altSubnet = neutron.subnet(alt, altNet, "10.0.0.0/24");
        altPort = neutron.port(alt, altNet, "").get("id").asText();
        shared = neutron.create("network", admin, "\"name\": \"shared\", \"shared\": true").get("id").asText();
        neutron.subnet(admin, shared, "10.99.0.0/24");
        external = neutron.create("network", admin, "\"name\": \"public\", \"router:external\": true").get("id").asText();
        neutron.subnet(admin, external, "172.24.4.0/24", "\"enable_dhcp\": false");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static List<String> ids(String path, String token, String collection) {
        List<String> ids = new ArrayList<>();
        neutron.get(path, token).json().get(collection).forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void anotherProjectsResourcesAre404NeverForbidden() {
        for (String path : List.of("/networks/" + altNet, "/subnets/" + altSubnet, "/ports/" + altPort)) {
            assertThat(neutron.get(path, demo).status()).as(path).isEqualTo(404);
            assertThat(neutron.delete(path, demo).status()).as(path).isEqualTo(404);
        }
        JsonNode error = Neutron.error(neutron.put("/networks/" + altNet, demo, "{\"network\": {\"name\": \"mine\"}}"), 404);
        assertThat(error.get("message").asText()).isEqualTo("Network " + altNet + " could not be found.");
        assertThat(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + altNet + "\"}}").status()).isEqualTo(404);
        assertThat(neutron.get("/networks/" + altNet + "/tags", demo).status()).isEqualTo(404);
        assertThat(ids("/networks", demo, "networks")).doesNotContain(altNet);
        assertThat(ids("/ports", demo, "ports")).doesNotContain(altPort);
        assertThat(ids("/subnets", demo, "subnets")).doesNotContain(altSubnet);
    }

    @Test
    void sharedAndExternalNetworksAreVisibleToEveryoneButOnlySharedSubnets() {
        assertThat(ids("/networks", demo, "networks")).contains(shared, external);
        assertThat(ids("/networks?router:external=true", demo, "networks")).containsExactly(external);
        assertThat(ids("/subnets?network_id=" + shared, demo, "subnets")).hasSize(1);
        assertThat(ids("/subnets?network_id=" + external, demo, "subnets"))
                .as("a non-shared external network's subnets stay with its owner").isEmpty();
        assertThat(Neutron.error(neutron.put("/networks/" + shared, demo, "{\"network\": {\"name\": \"taken\"}}"), 403)
                .get("message").asText()).isEqualTo("(rule:update_network) is disallowed by policy.");
        assertThat(neutron.delete("/networks/" + shared, demo).status()).isEqualTo(403);
    }

    @Test
    void portsOnYourNetworkAreYoursToSeeWhoeverMadeThem() {
        String demoNet = neutron.network(demo, "demo-net");
        String adminsPort = neutron.port(admin, demoNet, "").get("id").asText();
        assertThat(neutron.get("/ports/" + adminsPort, demo).status()).isEqualTo(200);
        String demoPortOnShared = neutron.port(demo, shared, "").get("id").asText();
        assertThat(neutron.get("/ports/" + demoPortOnShared, alt).status()).as("alt neither owns it nor the network")
                .isEqualTo(404);
        var unshare = neutron.put("/networks/" + shared, admin, "{\"network\": {\"shared\": false}}");
        assertThat(Neutron.error(unshare, 409).get("type").asText()).isEqualTo("InvalidSharedSetting");
    }

    @Test
    void adminSeesAllAndFiltersByProject() {
        String altProject = Neutron.projectOf(cloud, alt);
        assertThat(ids("/networks", admin, "networks")).contains(altNet, shared, external);
        assertThat(ids("/networks?project_id=" + altProject, admin, "networks")).containsExactly(altNet);
        assertThat(ids("/networks?tenant_id=" + altProject, admin, "networks")).containsExactly(altNet);
        assertThat(ids("/ports?project_id=" + altProject + "&device_owner=network:dhcp", admin, "ports"))
                .as("its network's DHCP port").hasSize(1).doesNotContain(altPort);
        assertThat(ids("/ports?project_id=" + altProject, admin, "ports")).hasSize(2).contains(altPort);
        assertThat(ids("/networks?project_id=" + altProject, demo, "networks")).as("filters never widen what one sees")
                .isEmpty();
    }
}
