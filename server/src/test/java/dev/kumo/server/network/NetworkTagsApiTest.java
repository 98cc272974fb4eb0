package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code /tags} sub-resource on networks, subnets and ports. */
class NetworkTagsApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        demo = cloud.demoToken();
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
            default -> neutron.port(demo, net, "").get("id").asText();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"networks", "subnets", "ports"})
    void addCheckReplaceRemoveClear(String kind) {
        String id = resource(kind);
        String tags = "/" + kind + "/" + id + "/tags";
        long revision = neutron.get("/" + kind + "/" + id, demo).json().at("/" + kind.substring(0, kind.length() - 1)
                + "/revision_number").asLong();
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
        assertThat(neutron.get("/" + kind + "?tags=b,c", demo).json().get(kind)).hasSize(1);
        assertThat(neutron.delete(tags, demo).status()).isEqualTo(204);
        assertThat(neutron.get(tags, demo).json().get("tags")).isEmpty();
        long after = neutron.get("/" + kind + "/" + id, demo).json().at("/" + kind.substring(0, kind.length() - 1)
                + "/revision_number").asLong();
        assertThat(after).as("every tag change is a revision").isGreaterThan(revision);
        assertThat(Neutron.error(neutron.put(tags, demo, "{\"tags\": [\"x\", \"x\"]}"), 400).get("message").asText())
                .isEqualTo("Invalid input for tags. Reason: Duplicate items in the list: 'x'.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"routers", "nonsense"})
    void otherCollectionsHaveNoTagsHere(String kind) {
        assertThat(neutron.get("/" + kind + "/x/tags", demo).status()).isEqualTo(404);
    }
}
