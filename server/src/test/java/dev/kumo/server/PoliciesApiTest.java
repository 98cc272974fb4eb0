package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PoliciesApiTest {
    static TestCloud cloud;
    static String admin;
    static String demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = cloud.adminToken();
        demo = cloud.demoToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void policiesRoundTripAsOpaqueBlobs() {
        String type = "application/" + unique();
        var created = cloud.post("/policies", admin, "{\"policy\": {\"type\": \"" + type
                + "\", \"blob\": \"{\\\"default\\\": \\\"rule:admin\\\"}\", \"owner\": \"ops\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode p = created.json().get("policy");
        String id = p.get("id").asText();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(p.get("type").asText()).isEqualTo(type);
        assertThat(p.get("blob").asText()).isEqualTo("{\"default\": \"rule:admin\"}");
        assertThat(p.get("owner").asText()).as("extra attributes are kept").isEqualTo("ops");
        assertThat(p.at("/links/self").asText()).isEqualTo(cloud.v3() + "/policies/" + id);

        assertThat(cloud.get("/policies/" + id, admin).json().get("policy")).isEqualTo(p);
        assertThat(cloud.get("/policies", admin).json().get("policies")).contains(p);
        assertThat(cloud.get("/policies?type=" + type, admin).json().get("policies")).containsExactly(p);

        var updated = cloud.send("PATCH", "/policies/" + id, admin, "{\"policy\": {\"type\": \"text/plain\"}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/policy/type").asText()).isEqualTo("text/plain");
        assertThat(updated.json().at("/policy/blob").asText()).isEqualTo(p.get("blob").asText());
        assertThat(cloud.get("/policies/" + id, admin).json().get("policy")).isEqualTo(updated.json().get("policy"));

        assertThat(cloud.send("DELETE", "/policies/" + id, admin, null).status()).isEqualTo(204);
        assertError(cloud.get("/policies/" + id, admin), 404, "Could not find policy: " + id + ".");
        assertThat(cloud.send("DELETE", "/policies/" + id, admin, null).status()).isEqualTo(404);
        assertThat(cloud.send("PATCH", "/policies/" + id, admin, "{\"policy\": {\"type\": \"x\"}}").status()).isEqualTo(404);
    }

    @Test
    void validationErrors() {
        assertError(cloud.post("/policies", admin, "{\"policy\": {\"type\": \"x\"}}"), 400, "'blob' is a required property.");
        assertError(cloud.post("/policies", admin, "{\"policy\": {\"blob\": \"x\"}}"), 400, "'type' is a required property.");
        assertError(cloud.post("/policies", admin, "{\"policy\": {\"blob\": {}, \"type\": \"x\"}}"), 400,
                "Invalid input for field 'blob'");
        assertError(cloud.post("/policies", admin, "{\"policy\": {\"blob\": \"x\", \"type\": \"" + "t".repeat(256) + "\"}}"),
                400, "longer than 255 characters");
        String id = cloud.post("/policies", admin, "{\"policy\": {\"blob\": \"x\", \"type\": \"y\"}}").json().at("/policy/id").asText();
        assertError(cloud.send("PATCH", "/policies/" + id, admin, "{\"policy\": {}}"), 400, "at least one attribute");
        assertError(cloud.send("PATCH", "/policies/" + id, admin, "{\"policy\": {\"id\": \"other\"}}"), 400, "Cannot change policy ID");
    }

    @Test
    void onlyAdminsManageOrReadPolicies() {
        String id = cloud.post("/policies", admin, "{\"policy\": {\"blob\": \"x\", \"type\": \"y\"}}").json().at("/policy/id").asText();
        assertError(cloud.post("/policies", demo, "{\"policy\": {\"blob\": \"x\", \"type\": \"y\"}}"), 403, "identity:create_policy");
        assertError(cloud.get("/policies", demo), 403, "identity:list_policies");
        assertError(cloud.get("/policies/" + id, demo), 403, "identity:get_policy");
        assertError(cloud.send("PATCH", "/policies/" + id, demo, "{\"policy\": {\"type\": \"z\"}}"), 403, "identity:update_policy");
        assertError(cloud.send("DELETE", "/policies/" + id, demo, null), 403, "identity:delete_policy");
        assertThat(cloud.get("/policies/" + id, admin).json().at("/policy/type").asText()).isEqualTo("y");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void assertError(TestCloud.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(status);
        assertThat(r.json().at("/error/message").asText()).contains(messagePart);
    }
}
