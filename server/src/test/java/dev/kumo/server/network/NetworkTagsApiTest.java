package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code /tags} sub-resource on every standard-attr resource, and tag filters on their lists. */
class NetworkTagsApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String demo;
    static String admin;
    static String publicNet;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        publicNet = neutron.create("network", admin, "\"name\": \"public\", \"router:external\": true")
                .get("id").asText();
        neutron.subnet(admin, publicNet, "172.24.4.0/24", "\"enable_dhcp\": false");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String resource(String kind) {
        String net = neutron.network(demo, "tags-" + kind);
        return switch (kind) {
            case "networks" -> net;
            case "subnets" -> neutron.subnet(demo, net, "10.60.0.0/24");
            case "ports" -> neutron.port(demo, net, "").get("id").asText();
            case "routers" -> neutron.create("router", demo, "\"name\": \"tagged\"").get("id").asText();
            case "floatingips" -> neutron.create("floatingip", demo, "\"floating_network_id\": \"" + publicNet + "\"")
                    .get("id").asText();
            case "subnetpools" -> neutron.create("subnetpool", demo, "\"prefixes\": [\"10.61.0.0/16\"]").get("id").asText();
            default -> created(neutron.post("/security-groups", demo, "{\"security_group\": {\"name\": \"tagged\"}}"))
                    .at("/security_group/id").asText();
        };
    }

    private static JsonNode created(TestCloud.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** The key of one resource in a response body ({@code security-groups} has {@code security_group}). */
    private static String singular(String kind) {
        return kind.substring(0, kind.length() - 1).replace('-', '_');
    }

    @ParameterizedTest
    @ValueSource(strings = {"networks", "subnets", "ports", "routers", "floatingips", "subnetpools", "security-groups"})
    void addCheckReplaceRemoveClear(String kind) {
        String id = resource(kind);
        String tags = "/" + kind + "/" + id + "/tags";
        long revision = neutron.get("/" + kind + "/" + id, demo).json().at("/" + singular(kind) + "/revision_number").asLong();
        assertThat(neutron.put(tags + "/first", demo, null).status()).isEqualTo(201);
        assertThat(neutron.get(tags + "/first", demo).status()).isEqualTo(204);
        var missing = Neutron.error(neutron.get(tags + "/second", demo), 404);
        assertThat(missing.get("type").asText()).isEqualTo("TagNotFound");
        assertThat(neutron.get(tags, demo).json().get("tags").toString()).isEqualTo("[\"first\"]");
        var replaced = neutron.put(tags, demo, "{\"tags\": [\"c\", \"a\", \"b\"]}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");
        assertThat(neutron.delete(tags + "/a", demo).status()).isEqualTo(204);
        assertThat(neutron.delete(tags + "/a", demo).status()).isEqualTo(404);
        String collection = kind.replace('-', '_');
        assertThat(neutron.get("/" + kind + "?tags=b,c", demo).json().get(collection)).extracting(r -> r.get("id").asText())
                .containsExactly(id);
        assertThat(neutron.get("/" + kind + "?tags-any=b,zz", demo).json().get(collection)).hasSize(1);
        assertThat(neutron.get("/" + kind + "?not-tags-any=b", demo).json().get(collection).toString()).doesNotContain(id);
        assertThat(neutron.get("/" + kind + "?not-tags=b,zz", demo).json().get(collection).toString()).contains(id);
        assertThat(neutron.get("/" + kind + "/" + id, demo).json().at("/" + singular(kind) + "/tags"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("b", "c");
        assertThat(neutron.delete(tags, demo).status()).isEqualTo(204);
        assertThat(neutron.get(tags, demo).json().get("tags")).isEmpty();
        long after = neutron.get("/" + kind + "/" + id, demo).json().at("/" + singular(kind) + "/revision_number").asLong();
        assertThat(after).as("every tag change is a revision").isGreaterThan(revision);
        assertThat(Neutron.error(neutron.put(tags, demo, "{\"tags\": [\"x\", \"x\"]}"), 400).get("message").asText())
                .isEqualTo("Invalid input for tags. Reason: Duplicate items in the list: 'x'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"security-group-rules", "nonsense"})
    void otherCollectionsHaveNoTagsHere(String kind) {
        assertThat(neutron.get("/" + kind + "/x/tags", demo).status()).isEqualTo(404);
    }
}
