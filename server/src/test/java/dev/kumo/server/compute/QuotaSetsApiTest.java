package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** os-quota-sets (detail, per user, revert) and os-quota-class-sets, with the key sets of 2.1, 2.50 and 2.57. */
class QuotaSetsApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String admin;
    static String demoProject;
    static String demoUser;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        admin = cloud.adminToken();
        var token = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().get("token");
        demoProject = token.at("/project/id").asText();
        demoUser = token.at("/user/id").asText();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static TestCloud.Response put(String path, String version, String body) {
        return cloud.send("PUT", nova.url(path), admin, body, "OpenStack-API-Version", "compute " + version);
    }

    private static JsonNode get(String path, String version) {
        var r = nova.get(path, admin, "OpenStack-API-Version", "compute " + version);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theDefaultClassShowsEachMicroversionsKeysAndSetsEveryProjectsDefaults() {
        JsonNode v21 = get("/os-quota-class-sets/default", "2.1").get("quota_class_set");
        assertThat(v21.get("id").asText()).isEqualTo("default");
        assertThat(v21.has("floating_ips")).isTrue();
        assertThat(v21.has("server_groups")).as("only from 2.50").isFalse();
        JsonNode v257 = get("/os-quota-class-sets/default", "2.57").get("quota_class_set");
        assertThat(v257.has("server_groups")).isTrue();
        assertThat(v257.has("floating_ips")).isFalse();
        assertThat(v257.has("injected_files")).isFalse();
        var updated = put("/os-quota-class-sets/default", "2.1", "{\"quota_class_set\": {\"metadata_items\": 228, \"floating_ips\": 110}}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().at("/quota_class_set/metadata_items").asInt()).isEqualTo(228);
        assertThat(updated.json().at("/quota_class_set").has("id")).as("Nova's update answer has no id").isFalse();
        assertThat(get("/os-quota-class-sets/default", "2.1").at("/quota_class_set/floating_ips").asInt()).isEqualTo(110);
        assertThat(get("/os-quota-sets/" + demoProject + "/defaults", "2.1").at("/quota_set/metadata_items").asInt())
                .isEqualTo(228);
        put("/os-quota-class-sets/default", "2.1", "{\"quota_class_set\": {\"metadata_items\": 128, \"floating_ips\": 10}}");
        Nova.fault(nova.get("/os-quota-class-sets/default", cloud.demoToken()), 403, "forbidden");
    }

    @Test
    void userQuotasOverrideTheProjectsAndRevertGoesBackToDefaults() {
        assertThat(put("/os-quota-sets/" + demoProject, "2.1", "{\"quota_set\": {\"ram\": 5120}}").status()).isEqualTo(200);
        JsonNode detail = get("/os-quota-sets/" + demoProject + "/detail", "2.1").get("quota_set");
        assertThat(detail.at("/ram/limit").asInt()).isEqualTo(5120);
        assertThat(detail.at("/ram/in_use").isIntegralNumber()).isTrue();
        assertThat(detail.at("/instances/reserved").asInt()).isZero();
        var user = put("/os-quota-sets/" + demoProject + "?user_id=" + demoUser, "2.1", "{\"quota_set\": {\"ram\": 2048}}");
        assertThat(user.json().at("/quota_set/ram").asInt()).as(user.body()).isEqualTo(2048);
        assertThat(get("/os-quota-sets/" + demoProject + "?user_id=" + demoUser, "2.1").at("/quota_set/ram").asInt())
                .isEqualTo(2048);
        assertThat(get("/os-quota-sets/" + demoProject, "2.1").at("/quota_set/ram").asInt()).isEqualTo(5120);
        var reverted = cloud.send("DELETE", nova.url("/os-quota-sets/" + demoProject), admin, null);
        assertThat(reverted.status()).isEqualTo(202);
        assertThat(get("/os-quota-sets/" + demoProject, "2.1").at("/quota_set/ram").asInt()).isEqualTo(51200);
        assertThat(get("/os-quota-sets/" + demoProject + "?user_id=" + demoUser, "2.1").at("/quota_set/ram").asInt())
                .isEqualTo(51200);
        assertThat(cloud.send("DELETE", nova.url("/os-quota-sets/" + demoProject), cloud.demoToken(), null).status())
                .isEqualTo(403);
    }

    @Test
    void quotaSetsDropNetworkKeysAt236AndInjectedFilesAt257() {
        JsonNode v236 = get("/os-quota-sets/" + demoProject, "2.36").get("quota_set");
        assertThat(v236.has("floating_ips")).isFalse();
        assertThat(v236.has("injected_files")).isTrue();
        JsonNode v257 = get("/os-quota-sets/" + demoProject + "/detail", "2.57").get("quota_set");
        assertThat(v257.has("injected_files")).isFalse();
        assertThat(v257.has("server_groups")).isTrue();
    }
}
