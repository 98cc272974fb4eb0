package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrustsApiTest {
    static TestCloud cloud;
    static String admin;
    static String projectId;
    static String trustorId;
    static String trustorToken;
    static String demoId;
    static String delegatedRole;
    static String keptRole;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = cloud.adminToken();
        projectId = created("/projects", "{\"project\": {\"name\": \"trust-project\"}}", "project");
        trustorId = created("/users", "{\"user\": {\"name\": \"trustor\", \"password\": \"trustor-pw\"}}", "user");
        delegatedRole = created("/roles", "{\"role\": {\"name\": \"delegated\"}}", "role");
        keptRole = created("/roles", "{\"role\": {\"name\": \"kept\"}}", "role");
        for (String role : new String[] {delegatedRole, keptRole}) {
            assertThat(cloud.send("PUT", "/projects/" + projectId + "/users/" + trustorId + "/roles/" + role, admin, null)
                    .status()).isEqualTo(204);
        }
        trustorToken = cloud.token("trustor", "trustor-pw", "trust-project");
        demoId = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/user/id").asText();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String created(String path, String body, String key) {
        var r = cloud.post(path, admin, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/" + key + "/id").asText();
    }

    private static JsonNode trust(boolean impersonation, String extra) {
        var r = cloud.post("/OS-TRUST/trusts", trustorToken, "{\"trust\": {\"trustor_user_id\": \"" + trustorId
                + "\", \"trustee_user_id\": \"" + demoId + "\", \"project_id\": \"" + projectId
                + "\", \"impersonation\": " + impersonation + ", \"roles\": [{\"name\": \"delegated\"}]" + extra + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("trust");
    }

    private static TestCloud.Response throughTrust(String user, String password, String trustId) {
        var body = TestCloud.passwordAuth(user, password);
        body.with("auth").putObject("scope").putObject("OS-TRUST:trust").put("id", trustId);
        return cloud.post("/auth/tokens", null, body.toString());
    }

    @Test
    void createShowAndRoles() {
        JsonNode t = trust(true, ", \"expires_at\": \"2099-01-02T03:04:05Z\"");
        assertThat(t.get("expires_at").asText()).isEqualTo("2099-01-02T03:04:05.000000Z");
        assertThat(t.at("/roles/0/name").asText()).isEqualTo("delegated");
        assertThat(t.at("/links/self").asText()).contains("/v3/OS-TRUST/trusts/" + t.get("id").asText());
        String base = "/OS-TRUST/trusts/" + t.get("id").asText();
        assertThat(cloud.get(base, admin).status()).isEqualTo(200);
        assertThat(cloud.get(base + "/roles", trustorToken).json().get("roles")).hasSize(1);
        assertThat(cloud.get(base + "/roles/" + delegatedRole, trustorToken).status()).isEqualTo(200);
        assertThat(cloud.send("HEAD", base + "/roles/" + keptRole, trustorToken, null).status()).isEqualTo(404);
        assertThat(cloud.get("/OS-TRUST/trusts?trustor_user_id=" + trustorId, trustorToken).json().get("trusts"))
                .isNotEmpty();
        assertThat(cloud.get("/OS-TRUST/trusts", cloud.demoToken()).status()).isEqualTo(403);
        assertThat(cloud.get("/OS-TRUST/trusts?trustee_user_id=" + demoId, cloud.demoToken()).status()).isEqualTo(200);
    }

    @Test
    void impersonatingTrustTokenIsTheTrustorsWithOnlyDelegatedRoles() {
        String trustId = trust(true, "").get("id").asText();
        var r = throughTrust("demo", TestCloud.DEMO_PASSWORD, trustId);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode token = r.json().get("token");
        assertThat(token.at("/user/id").asText()).isEqualTo(trustorId);
        assertThat(token.at("/project/id").asText()).isEqualTo(projectId);
        assertThat(token.get("roles").findValuesAsText("name")).containsExactly("delegated");
        assertThat(token.at("/OS-TRUST:trust/trustee_user/id").asText()).isEqualTo(demoId);
        assertThat(token.at("/OS-TRUST:trust/impersonation").asBoolean()).isTrue();
        String trustToken = r.headers().firstValue("X-Subject-Token").orElseThrow();
        // a trust token can neither be exchanged nor used to delegate further
        var exchange = Json.object();
        var identity = exchange.putObject("auth").putObject("identity");
        identity.putArray("methods").add("token");
        identity.putObject("token").put("id", trustToken);
        assertThat(cloud.post("/auth/tokens", null, exchange.toString()).status()).isEqualTo(403);
        assertThat(cloud.send("DELETE", "/OS-TRUST/trusts/" + trustId, admin, null).status()).isEqualTo(204);
        assertThat(cloud.get("/auth/catalog", trustToken).status()).isEqualTo(401);
    }

    @Test
    void nonImpersonatingTrustTokenIsTheTrustees() {
        String trustId = trust(false, "").get("id").asText();
        var r = throughTrust("demo", TestCloud.DEMO_PASSWORD, trustId);
        assertThat(r.json().at("/token/user/id").asText()).isEqualTo(demoId);
        assertThat(r.json().at("/token/project/id").asText()).isEqualTo(projectId);
    }

    @Test
    void onlyTheTrusteeMayUseItAndUsesRunOut() {
        String trustId = trust(true, ", \"remaining_uses\": 1").get("id").asText();
        assertThat(throughTrust("trustor", "trustor-pw", trustId).status()).isEqualTo(403);
        assertThat(throughTrust("demo", TestCloud.DEMO_PASSWORD, trustId).status()).isEqualTo(201);
        var again = throughTrust("demo", TestCloud.DEMO_PASSWORD, trustId);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().at("/error/message").asText()).contains("no uses left");
    }

    @Test
    void invalidRequestsAreRefused() {
        String bad = "{\"trust\": {\"trustor_user_id\": \"" + trustorId + "\", \"trustee_user_id\": \"" + demoId
                + "\", \"project_id\": \"" + projectId + "\", \"impersonation\": true, \"expires_at\": \"bad.123Z\"}}";
        assertThat(cloud.post("/OS-TRUST/trusts", trustorToken, bad).status()).isEqualTo(400);
        String notHeld = "{\"trust\": {\"trustor_user_id\": \"" + trustorId + "\", \"trustee_user_id\": \"" + demoId
                + "\", \"project_id\": \"" + projectId + "\", \"impersonation\": true, \"roles\": [{\"name\": \"admin\"}]}}";
        assertThat(cloud.post("/OS-TRUST/trusts", trustorToken, notHeld).status()).isEqualTo(403);
        String forSomeoneElse = "{\"trust\": {\"trustor_user_id\": \"" + demoId + "\", \"trustee_user_id\": \"" + trustorId
                + "\", \"project_id\": \"" + projectId + "\", \"impersonation\": true}}";
        assertThat(cloud.post("/OS-TRUST/trusts", trustorToken, forSomeoneElse).status()).isEqualTo(403);
    }
}
