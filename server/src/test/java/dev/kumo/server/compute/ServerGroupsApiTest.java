package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** os-server-groups across microversions, RBAC and quotas (API shape; placement is in ServerGroupPlacementApiTest). */
class ServerGroupsApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String admin;
    static String demoProject;
    private final List<String> groups = new ArrayList<>();

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @AfterEach
    void deleteGroups() {
        groups.forEach(id -> nova.delete("/os-server-groups/" + id, admin));
    }

    private TestCloud.Response create(String token, String version, String body) {
        var r = nova.post("/os-server-groups", token, "{\"server_group\": " + body + "}", "OpenStack-API-Version",
                "compute " + version);
        if (r.status() == 200) {
            groups.add(r.json().at("/server_group/id").asText());
        }
        return r;
    }

    private static JsonNode get(String path, String token, String version) {
        var r = nova.get(path, token, "OpenStack-API-Version", "compute " + version);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void before264AGroupShowsPoliciesAndEmptyMetadataAndFrom213ItsOwners() {
        var r = create(demo, "2.1", "{\"name\": \"web\", \"policies\": [\"anti-affinity\"]}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode g = r.json().get("server_group");
        assertThat(g.get("policies").toString()).isEqualTo("[\"anti-affinity\"]");
        assertThat(g.get("metadata").size()).isZero();
        assertThat(g.get("members").size()).isZero();
        assertThat(g.has("project_id")).isFalse();
        assertThat(g.has("policy")).isFalse();
        String id = g.get("id").asText();
        JsonNode shown = get("/os-server-groups/" + id, demo, "2.13").get("server_group");
        assertThat(shown.get("project_id").asText()).isEqualTo(demoProject);
        assertThat(shown.get("user_id").asText()).isNotEmpty();
        assertThat(shown.get("name").asText()).isEqualTo("web");
        assertThat(get("/os-server-groups", demo, "2.13").get("server_groups").findValuesAsText("id")).contains(id);
        assertThat(nova.delete("/os-server-groups/" + id, demo).status()).isEqualTo(204);
        var gone = Nova.fault(nova.get("/os-server-groups/" + id, demo), 404, "itemNotFound");
        assertThat(gone.get("message").asText()).isEqualTo("Instance group " + id + " could not be found.");
        Nova.fault(nova.delete("/os-server-groups/" + id, demo), 404, "itemNotFound");
    }

    @Test
    void from264AGroupHasOnePolicyAndRulesOnlyForAntiAffinity() {
        var r = create(demo, "2.64", "{\"name\": \"db\", \"policy\": \"anti-affinity\", \"rules\": {\"max_server_per_host\": 2}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode g = r.json().get("server_group");
        assertThat(g.get("policy").asText()).isEqualTo("anti-affinity");
        assertThat(g.at("/rules/max_server_per_host").asInt()).isEqualTo(2);
        assertThat(g.has("policies")).isFalse();
        assertThat(g.has("metadata")).isFalse();
        JsonNode old = get("/os-server-groups/" + g.get("id").asText(), demo, "2.63").get("server_group");
        assertThat(old.get("policies").get(0).asText()).isEqualTo("anti-affinity");
        var affinityRules = Nova.fault(create(demo, "2.64",
                "{\"name\": \"x\", \"policy\": \"affinity\", \"rules\": {\"max_server_per_host\": 2}}"), 400, "badRequest");
        assertThat(affinityRules.get("message").asText()).isEqualTo("Only anti-affinity policy supports rules.");
        Nova.fault(create(demo, "2.64", "{\"name\": \"x\", \"policy\": \"anti-affinity\", \"rules\": {\"max_server_per_host\": 0}}"),
                400, "badRequest");
        Nova.fault(create(demo, "2.64", "{\"name\": \"x\", \"policy\": \"anti-affinity\", \"rules\": {\"other\": 1}}"),
                400, "badRequest");
        var oldField = Nova.fault(create(demo, "2.64", "{\"name\": \"x\", \"policies\": [\"affinity\"]}"), 400, "badRequest");
        assertThat(oldField.get("message").asText()).contains("'policies' was unexpected");
        assertThat(create(demo, "2.64", "{\"name\": \"x\", \"policy\": \"soft-affinity\"}").status()).isEqualTo(200);
    }

    @Test
    void theSchemaRejectsWhatNovasDoes() {
        var noPolicy = Nova.fault(create(demo, "2.1", "{\"name\": \"x\"}"), 400, "badRequest");
        assertThat(noPolicy.get("message").asText()).contains("'policies' is a required property");
        Nova.fault(create(demo, "2.1", "{\"policies\": [\"affinity\"]}"), 400, "badRequest");
        Nova.fault(create(demo, "2.1", "{\"name\": \"x\", \"policies\": [\"affinity\", \"anti-affinity\"]}"), 400, "badRequest");
        Nova.fault(create(demo, "2.1", "{\"name\": \"x\", \"policies\": [\"cluster\"]}"), 400, "badRequest");
        var soft = Nova.fault(create(demo, "2.14", "{\"name\": \"x\", \"policies\": [\"soft-affinity\"]}"), 400, "badRequest");
        assertThat(soft.get("message").asText()).contains("'soft-affinity' is not one of");
        assertThat(create(demo, "2.15", "{\"name\": \"x\", \"policies\": [\"soft-anti-affinity\"]}").status()).isEqualTo(200);
        Nova.fault(create(demo, "2.1", "{\"name\": \" padded \", \"policies\": [\"affinity\"]}"), 400, "badRequest");
        Nova.fault(create(demo, "2.1", "{\"name\": \"x\", \"policies\": [\"affinity\"], \"metadata\": {}}"), 400, "badRequest");
        Nova.fault(nova.post("/os-server-groups", demo, "{}"), 400, "badRequest");
        Nova.fault(nova.get("/os-server-groups?limit=-1", demo), 400, "badRequest");
    }

    @Test
    void projectsSeeTheirOwnGroupsAndAdminsAllWithAllProjects() {
        String mine = create(demo, "2.13", "{\"name\": \"mine\", \"policies\": [\"affinity\"]}").json().at("/server_group/id").asText();
        String theirs = create(admin, "2.13", "{\"name\": \"theirs\", \"policies\": [\"affinity\"]}").json().at("/server_group/id").asText();
        assertThat(get("/os-server-groups", demo, "2.13").get("server_groups").findValuesAsText("id"))
                .contains(mine).doesNotContain(theirs);
        assertThat(get("/os-server-groups?all_projects=True", demo, "2.13").get("server_groups").findValuesAsText("id"))
                .as("all_projects is for admins; others get their own").doesNotContain(theirs);
        assertThat(get("/os-server-groups?all_projects=True", admin, "2.13").get("server_groups").findValuesAsText("id"))
                .contains(mine, theirs);
        assertThat(get("/os-server-groups", admin, "2.13").get("server_groups").findValuesAsText("id"))
                .contains(theirs).doesNotContain(mine);
        Nova.fault(nova.get("/os-server-groups/" + theirs, demo), 404, "itemNotFound");
        Nova.fault(nova.delete("/os-server-groups/" + theirs, demo), 404, "itemNotFound");
        assertThat(nova.get("/os-server-groups/" + mine, admin).status()).isEqualTo(200);
        assertThat(nova.get("/os-server-groups", null).status()).isEqualTo(401);
    }

    @Test
    void limitAndOffsetPageTheList() {
        for (int i = 0; i < 3; i++) {
            create(demo, "2.1", "{\"name\": \"page-" + i + "\", \"policies\": [\"affinity\"]}");
        }
        JsonNode all = get("/os-server-groups", demo, "2.1").get("server_groups");
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        JsonNode page = get("/os-server-groups?limit=1&offset=1", demo, "2.1").get("server_groups");
        assertThat(page.size()).isEqualTo(1);
        assertThat(page.get(0).get("id").asText()).isEqualTo(all.get(1).get("id").asText());
        assertThat(get("/os-server-groups?offset=" + all.size(), demo, "2.1").get("server_groups").size()).isZero();
    }

    @Test
    void theServerGroupsQuotaIsEnforcedWithNovasMessageAndShownInUse() {
        assertThat(nova.put("/os-quota-sets/" + demoProject, admin, "{\"quota_set\": {\"server_groups\": 1}}").status())
                .isEqualTo(200);
        try {
            assertThat(create(demo, "2.1", "{\"name\": \"q1\", \"policies\": [\"affinity\"]}").status()).isEqualTo(200);
            var over = Nova.fault(create(demo, "2.1", "{\"name\": \"q2\", \"policies\": [\"affinity\"]}"), 403, "overLimit");
            assertThat(over.get("message").asText()).isEqualTo("Quota exceeded, too many server groups.");
            JsonNode detail = get("/os-quota-sets/" + demoProject + "/detail", demo, "2.1").get("quota_set");
            assertThat(detail.at("/server_groups/in_use").asInt()).isEqualTo(1);
            assertThat(detail.at("/server_groups/limit").asInt()).isEqualTo(1);
        } finally {
            cloud.send("DELETE", nova.url("/os-quota-sets/" + demoProject), admin, null);
        }
    }
}
