package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx with a Keystone fault that says what was wrong; never a 500. */
class ErrorHandlingApiTest {
    static TestCloud cloud;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void malformedJsonIs400() {
        var r = cloud.post("/auth/tokens", null, "{\"auth\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).startsWith("Malformed JSON");
        assertThat(r.json().at("/error/title").asText()).isEqualTo("Bad Request");
    }

    @Test
    void wrongTypeNamesTheField() {
        var r = cloud.post("/projects", cloud.adminToken(), "{\"project\": {\"name\": 42}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).contains("'name'").contains("string");
    }

    @Test
    void bodyThatIsNotAnObjectIs400() {
        assertThat(cloud.post("/projects", cloud.adminToken(), "[1,2]").status()).isEqualTo(400);
        assertThat(cloud.post("/projects", cloud.adminToken(), "{\"project\": [] }").status()).isEqualTo(400);
    }

    @Test
    void missingMethodsIs400() {
        var r = cloud.post("/auth/tokens", null, "{\"auth\": {\"identity\": {\"methods\": []}}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/message").asText()).contains("methods");
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"project\": {\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";
        var r = cloud.post("/projects", cloud.adminToken(), big);
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void unknownPathIsKeystone404AndEveryResponseHasARequestId() {
        var r = cloud.get("/no-such-thing", cloud.adminToken());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-openstack-request-id")).isPresent();
    }

    @Test
    void nullExtraAttributesAreDroppedNotAServerError() {
        String admin = cloud.adminToken();
        var created = cloud.post("/projects", admin, "{\"project\": {\"name\": \"nulls\", \"color\": null, \"size\": 3}}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/project/size").asInt()).isEqualTo(3);
        var patched = cloud.send("PATCH", "/domains/default", admin, "{\"domain\": {\"x\": null}}");
        assertThat(patched.status()).isEqualTo(200);
        var removed = cloud.send("PATCH", "/projects/" + created.json().at("/project/id").asText(), admin,
                "{\"project\": {\"size\": null}}");
        assertThat(removed.json().at("/project").has("size")).isFalse();
    }

    @Test
    void wrongMethodIs405() {
        var r = cloud.send("PUT", "/projects", cloud.adminToken(), "{}");
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(405);
        // with a trailing slash the path names an empty id: not found, as OpenStack's routers say
        assertThat(cloud.send("DELETE", "/projects/", cloud.adminToken(), null).status()).isEqualTo(404);
    }

    @Test
    void versionDocuments() {
        var root = cloud.get(cloud.baseUrl() + "/identity", null);
        assertThat(root.status()).isEqualTo(300);
        assertThat(root.json().at("/versions/values/0/id").asText()).isEqualTo("v3.14");
        var v3 = cloud.get(cloud.baseUrl() + "/identity/v3", null);
        assertThat(v3.status()).isEqualTo(200);
        assertThat(v3.json().at("/version/media-types/0/type").asText()).isEqualTo("application/vnd.openstack.identity-v3+json");
    }
}
