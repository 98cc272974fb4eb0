package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.Test;

/** The ports Nova makes for a server are in the groups the server was created with, else in "default". */
class ServerPortGroupsApiTest {

    @Test
    void portsAreInTheServersGroups() throws Exception {
        try (TestCloud cloud = TestCloud.start()) {
            var nova = new Nova(cloud);
            String demo = cloud.demoToken();
            String image = nova.image(demo, "tiny-image", 96, 0, 1024);
            String net = nova.network(demo, "private", "10.3.0.0/24");
            var web = cloud.send("POST", cloud.baseUrl() + "/network/v2.0/security-groups", demo,
                    "{\"security_group\": {\"name\": \"web\"}}");
            assertThat(web.status()).as(web.body()).isEqualTo(201);
            String webId = web.json().at("/security_group/id").asText();

            String inWeb = nova.boot(demo, "\"name\": \"in-web\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}], \"security_groups\": [{\"name\": \"web\"}]");
            String plain = nova.boot(demo, "\"name\": \"plain\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
            nova.await(demo, inWeb, "ACTIVE");
            nova.await(demo, plain, "ACTIVE");
            assertThat(groupsOfPort(cloud, demo, inWeb)).containsExactly(webId);
            String defaultId = cloud.get(cloud.baseUrl() + "/network/v2.0/security-groups?name=default", demo).json()
                    .at("/security_groups/0/id").asText();
            assertThat(groupsOfPort(cloud, demo, plain)).containsExactly(defaultId);
        }
    }

    private static java.util.List<String> groupsOfPort(TestCloud cloud, String token, String server) {
        JsonNode port = cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_id=" + server, token).json().at("/ports/0");
        var ids = new java.util.ArrayList<String>();
        port.get("security_groups").forEach(g -> ids.add(g.asText()));
        return ids;
    }
}
