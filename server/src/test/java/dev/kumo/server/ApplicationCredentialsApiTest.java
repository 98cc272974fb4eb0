package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApplicationCredentialsApiTest {
    static TestCloud cloud;
    static String demo;
    static String demoId;
    static String demoProject;
    static String admin;
    static String adminId;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        var demoToken = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo");
        demo = demoToken.headers().firstValue("X-Subject-Token").orElseThrow();
        demoId = demoToken.json().at("/token/user/id").asText();
        demoProject = demoToken.json().at("/token/project/id").asText();
        var adminToken = cloud.issue("admin", TestCloud.ADMIN_PASSWORD, "admin");
        admin = adminToken.headers().firstValue("X-Subject-Token").orElseThrow();
        adminId = adminToken.json().at("/token/user/id").asText();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void createShowsTheSecretOnceAndDelegatesAllTokenRolesByDefault() {
        String name = unique();
        var r = create(demo, demoId, "{\"name\": \"" + name + "\", \"description\": \"for CI\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode c = r.json().get("application_credential");
        String id = c.get("id").asText();
        assertThat(c.get("secret").asText()).matches("[A-Za-z0-9_-]{86}");
        assertThat(c.get("name").asText()).isEqualTo(name);
        assertThat(c.get("description").asText()).isEqualTo("for CI");
        assertThat(c.get("project_id").asText()).isEqualTo(demoProject);
        assertThat(c.get("unrestricted").asBoolean()).isFalse();
        assertThat(c.get("expires_at").isNull()).isTrue();
        assertThat(c.get("access_rules")).isEmpty();
        assertThat(c.get("roles").findValuesAsText("name")).containsExactlyInAnyOrder("member", "reader");
        assertThat(c.get("roles").get(0).has("domain_id")).isTrue();
        assertThat(c.has("user_id")).isFalse();
        assertThat(c.at("/links/self").asText())
                .isEqualTo(cloud.v3() + "/users/" + demoId + "/application_credentials/" + id);

        var shown = cloud.get(path(demoId) + "/" + id, demo);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("application_credential").has("secret")).isFalse();
        c = ((ObjectNode) c).without("secret");
        assertThat(shown.json().get("application_credential")).isEqualTo(c);
    }

    @Test
    void listFiltersByName() {
        String first = unique();
        String second = unique();
        assertThat(create(demo, demoId, "{\"name\": \"" + first + "\"}").status()).isEqualTo(201);
        assertThat(create(demo, demoId, "{\"name\": \"" + second + "\"}").status()).isEqualTo(201);
        var all = cloud.get(path(demoId), demo);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("application_credentials").findValuesAsText("name")).contains(first, second);
        assertThat(all.json().get("application_credentials").findValues("secret")).isEmpty();
        var one = cloud.get(path(demoId) + "?name=" + second, demo).json().get("application_credentials");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("name").asText()).isEqualTo(second);
        assertThat(cloud.get(path(demoId), admin).status()).as("admins read everyone's").isEqualTo(200);
    }

    @Test
    void authenticatesByIdOrByNameAndUserWithOnlyTheDelegatedRoles() {
        String name = unique();
        var c = create(demo, demoId, "{\"name\": \"" + name + "\", \"roles\": [{\"name\": \"reader\"}]}")
                .json().get("application_credential");
        assertThat(c.get("roles").findValuesAsText("name")).containsExactly("reader");

        var byId = cloud.post("/auth/tokens", null, authById(c.get("id").asText(), c.get("secret").asText()));
        assertThat(byId.status()).as(byId.toString()).isEqualTo(201);
        JsonNode token = byId.json().get("token");
        assertThat(token.get("methods").toString()).isEqualTo("[\"application_credential\"]");
        assertThat(token.at("/project/id").asText()).isEqualTo(demoProject);
        assertThat(token.get("roles").findValuesAsText("name")).containsExactly("reader");
        assertThat(token.at("/application_credential/id").asText()).isEqualTo(c.get("id").asText());
        assertThat(token.at("/application_credential/restricted").asBoolean()).isTrue();
        assertThat(token.get("catalog").findValuesAsText("type")).contains("identity");

        var body = Json.object();
        var identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("name", name).put("secret", c.get("secret").asText())
                .putObject("user").put("name", "demo").putObject("domain").put("name", "Default");
        var byName = cloud.post("/auth/tokens", null, body.toString());
        assertThat(byName.status()).as(byName.toString()).isEqualTo(201);
        assertThat(byName.json().at("/token/roles").findValuesAsText("name")).containsExactly("reader");

        var wrong = cloud.post("/auth/tokens", null, authById(c.get("id").asText(), "not-the-secret"));
        assertThat(wrong.status()).isEqualTo(401);
    }

    @Test
    void aSecretCanBeChosen() {
        var c = create(demo, demoId, "{\"name\": \"" + unique() + "\", \"secret\": \"my-own-secret\"}")
                .json().get("application_credential");
        assertThat(c.get("secret").asText()).isEqualTo("my-own-secret");
        assertThat(cloud.post("/auth/tokens", null, authById(c.get("id").asText(), "my-own-secret")).status()).isEqualTo(201);
    }

    @Test
    void rolesMustBeAmongTheTokensRoles() {
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"roles\": [{\"name\": \"admin\"}]}"), 400,
                "Invalid application credential: Cannot create an application credential with unassigned role");
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"roles\": [{\"id\": \"nonexistent\"}]}"), 400,
                "unassigned role");
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"roles\": [{\"name\": \"no-such-role\"}]}"), 404,
                "Could not find role: no-such-role.");
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"roles\": [{\"id\": \"a\", \"name\": \"b\"}]}"), 400,
                "exactly one of 'id' or 'name'");
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"roles\": \"member\"}"), 400,
                "Invalid input for field 'roles'");
    }

    @Test
    void validationErrors() {
        assertError(create(demo, demoId, "{\"description\": \"no name\"}"), 400, "'name' is a required property.");
        String name = unique();
        assertThat(create(demo, demoId, "{\"name\": \"" + name + "\"}").status()).isEqualTo(201);
        assertError(create(demo, demoId, "{\"name\": \"" + name + "\"}"), 409, "Duplicate name, " + name);
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"expires_at\": \"2001-01-01T00:00:00\"}"), 400,
                "The 'expires_at' must not be before now");
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"expires_at\": \"tomorrow\"}"), 400,
                "Invalid input for field 'expires_at'");
        assertError(create(demo, demoId, "{\"name\": \"" + unique() + "\", \"unrestricted\": \"yes\"}"), 400,
                "Invalid input for field 'unrestricted'");
        assertError(create(demo, demoId, "{\"name\": \"" + unique()
                + "\", \"access_rules\": [{\"service\": \"compute\", \"method\": \"GET\", \"path\": \"/v2.1/servers\"}]}"),
                400, "access rules are not supported");
        assertError(cloud.post(path(demoId), demo, "{}"), 400, "'application_credential' is a required property.");
    }

    @Test
    void expiresAtIsEchoedInKeystonesFormatAndCapsTheTokens() {
        var c = create(demo, demoId, "{\"name\": \"" + unique() + "\", \"expires_at\": \"2099-01-02T03:04:05.123456\"}")
                .json().get("application_credential");
        assertThat(c.get("expires_at").asText()).isEqualTo("2099-01-02T03:04:05.123456");
        var zoned = create(demo, demoId, "{\"name\": \"" + unique() + "\", \"expires_at\": \"2099-01-02T05:04:05+02:00\"}")
                .json().get("application_credential");
        assertThat(zoned.get("expires_at").asText()).isEqualTo("2099-01-02T03:04:05.000000");
    }

    @Test
    void anExpiredCredentialNoLongerAuthenticates() throws InterruptedException {
        Instant expires = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String when = DateTimeFormatter.ISO_INSTANT.format(expires.atOffset(ZoneOffset.UTC));
        var c = create(demo, demoId, "{\"name\": \"" + unique() + "\", \"expires_at\": \"" + when + "\"}")
                .json().get("application_credential");
        String auth = authById(c.get("id").asText(), c.get("secret").asText());
        var before = cloud.post("/auth/tokens", null, auth);
        assertThat(before.status()).as(before.toString()).isEqualTo(201);
        assertThat(Instant.parse(before.json().at("/token/expires_at").asText())).isBeforeOrEqualTo(expires);
        Thread.sleep(Math.max(0, expires.toEpochMilli() - System.currentTimeMillis()) + 200);
        var after = cloud.post("/auth/tokens", null, auth);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().at("/error/message").asText()).contains("has expired");
    }

    @Test
    void deletingTheCredentialInvalidatesItsTokens() {
        var c = create(demo, demoId, "{\"name\": \"" + unique() + "\"}").json().get("application_credential");
        String id = c.get("id").asText();
        String auth = authById(id, c.get("secret").asText());
        String token = cloud.post("/auth/tokens", null, auth).headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(cloud.send("GET", "/auth/tokens", admin, null, "X-Subject-Token", token).status()).isEqualTo(200);

        assertThat(cloud.send("DELETE", path(demoId) + "/" + id, demo, null).status()).isEqualTo(204);
        assertThat(cloud.send("GET", "/auth/tokens", admin, null, "X-Subject-Token", token).status()).isEqualTo(404);
        assertThat(cloud.get("/auth/projects", token).status()).isEqualTo(401);
        assertThat(cloud.post("/auth/tokens", null, auth).status()).isEqualTo(401);
        assertError(cloud.get(path(demoId) + "/" + id, demo), 404, "Could not find Application Credential: " + id + ".");
        assertThat(cloud.send("DELETE", path(demoId) + "/" + id, demo, null).status()).isEqualTo(404);
    }

    @Test
    void onlyUnrestrictedCredentialsManageCredentials() {
        var restricted = create(demo, demoId, "{\"name\": \"" + unique() + "\"}").json().get("application_credential");
        String restrictedToken = tokenFor(restricted);
        assertError(create(restrictedToken, demoId, "{\"name\": \"" + unique() + "\"}"), 403,
                "Using method 'application_credential' is not allowed for managing additional application credentials.");
        assertThat(cloud.send("DELETE", path(demoId) + "/" + restricted.get("id").asText(), restrictedToken, null).status())
                .isEqualTo(403);
        assertThat(cloud.get(path(demoId), restrictedToken).status()).as("reading is allowed").isEqualTo(200);

        var unrestricted = create(demo, demoId, "{\"name\": \"" + unique() + "\", \"unrestricted\": true}")
                .json().get("application_credential");
        assertThat(unrestricted.get("unrestricted").asBoolean()).isTrue();
        var child = create(tokenFor(unrestricted), demoId, "{\"name\": \"" + unique() + "\"}");
        assertThat(child.status()).as(child.toString()).isEqualTo(201);
        assertThat(child.json().at("/application_credential/project_id").asText()).isEqualTo(demoProject);
    }

    @Test
    void credentialsBelongToTheirUser() {
        var mine = create(demo, demoId, "{\"name\": \"" + unique() + "\"}").json().get("application_credential");
        String id = mine.get("id").asText();
        assertError(create(demo, adminId, "{\"name\": \"" + unique() + "\"}"), 403, "identity:create_application_credential");
        assertError(create(admin, demoId, "{\"name\": \"" + unique() + "\"}"), 403, "identity:create_application_credential");
        assertError(cloud.get(path(adminId), demo), 403, "identity:list_application_credentials");
        assertError(cloud.get(path(adminId) + "/" + id, demo), 403, "identity:get_application_credential");
        assertThat(cloud.get(path(adminId) + "/" + id, admin).status()).as("not admin's credential").isEqualTo(404);
        assertThat(cloud.send("DELETE", path(adminId) + "/" + id, demo, null).status()).isEqualTo(403);
        assertThat(cloud.get(path(demoId) + "/" + id, admin).status()).isEqualTo(200);
        assertThat(cloud.get(path(demoId), null).status()).isEqualTo(401);
    }

    @Test
    void aProjectScopedTokenIsRequired() {
        var body = TestCloud.passwordAuth("admin", TestCloud.ADMIN_PASSWORD);
        body.with("auth").putObject("scope").putObject("system").put("all", true);
        String system = cloud.post("/auth/tokens", null, body.toString()).headers().firstValue("X-Subject-Token").orElseThrow();
        assertError(create(system, adminId, "{\"name\": \"" + unique() + "\"}"), 400, "project-scoped token");
    }

    // ---- helpers

    private static String unique() {
        return "cred-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String path(String userId) {
        return "/users/" + userId + "/application_credentials";
    }

    private static TestCloud.Response create(String token, String userId, String credential) {
        return cloud.post(path(userId), token, "{\"application_credential\": " + credential + "}");
    }

    private static String authById(String id, String secret) {
        var body = Json.object();
        var identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("id", id).put("secret", secret);
        return body.toString();
    }

    private static String tokenFor(JsonNode credential) {
        var r = cloud.post("/auth/tokens", null, authById(credential.get("id").asText(), credential.get("secret").asText()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    private static void assertError(TestCloud.Response r, int status, String message) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().at("/error/message").asText()).as(r.toString()).contains(message);
    }
}
