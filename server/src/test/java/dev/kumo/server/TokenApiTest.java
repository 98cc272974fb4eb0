package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenApiTest {
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
    void passwordTokenScopedToProjectCarriesRolesAndCatalog() {
        var r = cloud.issue("admin", TestCloud.ADMIN_PASSWORD, "admin");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.headers().firstValue("X-Subject-Token")).isPresent();
        assertThat(r.headers().firstValue("x-openstack-request-id")).hasValueSatisfying(v -> assertThat(v).startsWith("req-"));
        var token = r.json().get("token");
        assertThat(token.get("methods").toString()).isEqualTo("[\"password\"]");
        assertThat(token.at("/project/name").asText()).isEqualTo("admin");
        assertThat(token.at("/project/domain/id").asText()).isEqualTo("default");
        assertThat(token.at("/user/name").asText()).isEqualTo("admin");
        assertThat(token.get("roles").findValuesAsText("name")).contains("admin", "member", "reader");
        assertThat(token.get("catalog").findValuesAsText("type")).contains("identity");
        assertThat(token.get("expires_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(token.get("audit_ids")).hasSize(1);
    }

    @Test
    void wrongPasswordUnknownUserAndDisabledUserAllGiveTheSame401() {
        var wrong = cloud.issue("admin", "nope", "admin");
        var unknown = cloud.issue("nobody-here", "nope", "admin");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().at("/error/message").asText()).isEqualTo(unknown.json().at("/error/message").asText());
        assertThat(wrong.json().at("/error/title").asText()).isEqualTo("Unauthorized");
        assertThat(wrong.json().at("/error/code").asInt()).isEqualTo(401);
    }

    @Test
    void validateCheckAndRevoke() {
        String admin = cloud.adminToken();
        String demo = cloud.demoToken();
        var shown = cloud.send("GET", "/auth/tokens", admin, null, "X-Subject-Token", demo);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().at("/token/project/name").asText()).isEqualTo("demo");
        assertThat(cloud.send("HEAD", "/auth/tokens", admin, null, "X-Subject-Token", demo).status()).isEqualTo(200);
        // a user may validate and revoke its own token
        assertThat(cloud.send("DELETE", "/auth/tokens", demo, null, "X-Subject-Token", demo).status()).isEqualTo(204);
        assertThat(cloud.send("GET", "/auth/tokens", admin, null, "X-Subject-Token", demo).status()).isEqualTo(404);
        assertThat(cloud.get("/auth/projects", demo).status()).isEqualTo(401);
        // its owner asking about the revoked token learns it is gone, as tempest expects
        String demo2 = cloud.demoToken();
        assertThat(cloud.send("GET", "/auth/tokens", demo2, null, "X-Subject-Token", demo).status()).isEqualTo(404);
        assertThat(cloud.send("HEAD", "/auth/tokens", demo2, null, "X-Subject-Token", demo).status()).isEqualTo(404);
    }

    @Test
    void demoCannotValidateSomeoneElsesToken() {
        var r = cloud.send("GET", "/auth/tokens", cloud.demoToken(), null, "X-Subject-Token", cloud.adminToken());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/error/message").asText()).contains("identity:validate_token");
    }

    @Test
    void tokenMethodRescopesWithinTheSameLifetimeAndAuditChain() {
        var unscoped = cloud.issue("demo", TestCloud.DEMO_PASSWORD, null);
        // demo's default project is demo, so an unscoped request gets a demo-scoped token
        assertThat(unscoped.json().at("/token/project/name").asText()).isEqualTo("demo");
        String first = unscoped.headers().firstValue("X-Subject-Token").orElseThrow();
        var body = Json.object();
        var identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("token");
        identity.putObject("token").put("id", first);
        body.with("auth").put("scope", "unscoped");
        var r = cloud.post("/auth/tokens", null, body.toString());
        assertThat(r.status()).isEqualTo(201);
        var token = r.json().get("token");
        assertThat(token.has("project")).isFalse();
        assertThat(token.get("methods").findValuesAsText("")).isEmpty();
        assertThat(token.get("methods").toString()).isEqualTo("[\"token\",\"password\"]");
        assertThat(token.get("expires_at").asText()).isEqualTo(unscoped.json().at("/token/expires_at").asText());
        assertThat(token.get("audit_ids").get(1).asText()).isEqualTo(unscoped.json().at("/token/audit_ids/0").asText());
    }

    @Test
    void scopeToAProjectWithoutRolesIs401() {
        var r = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "admin");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().at("/error/message").asText()).contains("has no access to project");
    }

    @Test
    void systemScopeForAdmin() {
        var body = TestCloud.passwordAuth("admin", TestCloud.ADMIN_PASSWORD);
        body.with("auth").putObject("scope").putObject("system").put("all", true);
        var r = cloud.post("/auth/tokens", null, body.toString());
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().at("/token/system/all").asBoolean()).isTrue();
        String system = r.headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(cloud.get("/auth/system", system).json().get("system").toString()).isEqualTo("[{\"all\":true}]");
    }

    @Test
    void catalogProjectsAndDomainsForTheCaller() {
        String demo = cloud.demoToken();
        assertThat(cloud.get("/auth/catalog", demo).json().get("catalog").findValuesAsText("type")).contains("identity");
        assertThat(cloud.get("/auth/projects", demo).json().get("projects").findValuesAsText("name")).containsExactly("demo");
        assertThat(cloud.get("/auth/domains", demo).json().get("domains")).isEmpty();
    }

    @Test
    void nocatalogLeavesTheCatalogOut() {
        String admin = cloud.adminToken();
        var r = cloud.send("GET", "/auth/tokens?nocatalog", admin, null, "X-Subject-Token", admin);
        assertThat(r.json().get("token").has("catalog")).isFalse();
    }

    @Test
    void tamperedTokenIsRejected() {
        String admin = cloud.adminToken();
        String tampered = admin.substring(0, admin.length() - 3) + (admin.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(cloud.get("/projects", tampered).status()).isEqualTo(401);
        assertThat(cloud.get("/projects", null).status()).isEqualTo(401);
    }
}
