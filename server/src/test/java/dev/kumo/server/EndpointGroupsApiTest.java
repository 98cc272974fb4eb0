package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EndpointGroupsApiTest {
    private static final String GROUPS = "/OS-EP-FILTER/endpoint_groups";

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
    void groupsRoundTripAndShowTheSameEverywhere() {
        String serviceId = service();
        String name = unique();
        var created = cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"" + name
                + "\", \"description\": \"storage\", \"filters\": {\"service_id\": \"" + serviceId + "\"}}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode g = created.json().get("endpoint_group");
        String id = g.get("id").asText();
        assertThat(g.get("name").asText()).isEqualTo(name);
        assertThat(g.get("description").asText()).isEqualTo("storage");
        assertThat(g.at("/filters/service_id").asText()).isEqualTo(serviceId);
        assertThat(g.at("/links/self").asText()).isEqualTo(cloud.v3() + GROUPS + "/" + id);

        assertThat(cloud.get(GROUPS + "/" + id, admin).json().get("endpoint_group")).isEqualTo(g);
        assertThat(cloud.get(GROUPS, admin).json().get("endpoint_groups")).contains(g);
        assertThat(cloud.get(GROUPS + "?name=" + name, admin).json().get("endpoint_groups")).containsExactly(g);
        var head = cloud.send("HEAD", GROUPS + "/" + id, admin, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        String otherService = service();
        var updated = cloud.send("PATCH", GROUPS + "/" + id, admin, "{\"endpoint_group\": {\"name\": \"renamed\", "
                + "\"description\": null, \"filters\": {\"service_id\": \"" + otherService + "\", \"interface\": \"public\"}}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode u = updated.json().get("endpoint_group");
        assertThat(u.get("name").asText()).isEqualTo("renamed");
        assertThat(u.get("description").isNull()).isTrue();
        assertThat(u.at("/filters/interface").asText()).isEqualTo("public");
        assertThat(u.at("/filters/service_id").asText()).isEqualTo(otherService);
        assertThat(cloud.get(GROUPS + "/" + id, admin).json().get("endpoint_group")).isEqualTo(u);

        assertThat(cloud.send("DELETE", GROUPS + "/" + id, admin, null).status()).isEqualTo(204);
        assertError(cloud.get(GROUPS + "/" + id, admin), 404, "Could not find endpoint group: " + id + ".");
        assertThat(cloud.send("HEAD", GROUPS + "/" + id, admin, null).status()).isEqualTo(404);
        assertThat(cloud.send("DELETE", GROUPS + "/" + id, admin, null).status()).isEqualTo(404);
        assertThat(cloud.get(GROUPS, admin).json().get("endpoint_groups").findValuesAsText("id")).doesNotContain(id);
    }

    @Test
    void aGroupListsTheEndpointsMatchingAllItsFilters() {
        String serviceId = service();
        String publicId = endpoint(serviceId, "public");
        String internalId = endpoint(serviceId, "internal");
        String onlyPublic = cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"p\", \"filters\": "
                + "{\"service_id\": \"" + serviceId + "\", \"interface\": \"public\"}}}").json().at("/endpoint_group/id").asText();
        String both = cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"b\", \"filters\": "
                + "{\"service_id\": \"" + serviceId + "\"}}}").json().at("/endpoint_group/id").asText();
        assertThat(cloud.get(GROUPS + "/" + onlyPublic + "/endpoints", admin).json().get("endpoints").findValuesAsText("id"))
                .containsExactly(publicId);
        assertThat(cloud.get(GROUPS + "/" + both + "/endpoints", admin).json().get("endpoints").findValuesAsText("id"))
                .containsExactlyInAnyOrder(publicId, internalId);
    }

    @Test
    void validationErrors() {
        assertError(cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"filters\": {\"interface\": \"public\"}}}"), 400,
                "'name' is a required property.");
        assertError(cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"x\"}}"), 400,
                "filters field is required and cannot be empty");
        assertError(cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"x\", \"filters\": {}}}"), 400,
                "filters field is required and cannot be empty");
        assertError(cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"x\", \"filters\": {\"url\": \"u\"}}}"), 400,
                "'url' is not a filter");
        assertError(cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"x\", \"filters\": [\"a\"]}}"), 400,
                "Invalid input for field 'filters'");
        assertError(cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"x\", \"filters\": {\"interface\": 1}}}"),
                400, "must be a string");
        String id = cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"x\", \"filters\": {\"interface\": \"public\"}}}")
                .json().at("/endpoint_group/id").asText();
        assertError(cloud.send("PATCH", GROUPS + "/" + id, admin, "{\"endpoint_group\": {}}"), 400, "at least one attribute");
        assertError(cloud.send("PATCH", GROUPS + "/" + id, admin, "{\"endpoint_group\": {\"filters\": {\"region\": \"r\"}}}"),
                400, "'region' is not a filter");
        assertError(cloud.send("PATCH", GROUPS + "/nope", admin, "{\"endpoint_group\": {\"name\": \"y\"}}"), 404,
                "Could not find endpoint group: nope.");
    }

    @Test
    void onlyAdminsManageOrReadGroups() {
        String id = cloud.post(GROUPS, admin, "{\"endpoint_group\": {\"name\": \"x\", \"filters\": {\"interface\": \"public\"}}}")
                .json().at("/endpoint_group/id").asText();
        assertError(cloud.post(GROUPS, demo, "{\"endpoint_group\": {\"name\": \"x\", \"filters\": {\"interface\": \"public\"}}}"),
                403, "identity:create_endpoint_group");
        assertError(cloud.get(GROUPS, demo), 403, "identity:list_endpoint_groups");
        assertError(cloud.get(GROUPS + "/" + id, demo), 403, "identity:get_endpoint_group");
        assertError(cloud.send("PATCH", GROUPS + "/" + id, demo, "{\"endpoint_group\": {\"name\": \"y\"}}"), 403,
                "identity:update_endpoint_group");
        assertError(cloud.send("DELETE", GROUPS + "/" + id, demo, null), 403, "identity:delete_endpoint_group");
        assertThat(cloud.get(GROUPS + "/" + id, admin).json().at("/endpoint_group/name").asText()).isEqualTo("x");
    }

    private static String service() {
        return cloud.post("/services", admin, "{\"service\": {\"type\": \"t" + unique() + "\", \"name\": \"s\"}}")
                .json().at("/service/id").asText();
    }

    private static String endpoint(String serviceId, String iface) {
        var r = cloud.post("/endpoints", admin, "{\"endpoint\": {\"service_id\": \"" + serviceId + "\", \"interface\": \""
                + iface + "\", \"url\": \"http://example.test/" + iface + "\", \"region_id\": \"RegionOne\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/endpoint/id").asText();
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
