package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.identity.store.StoredCredential;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CredentialsApiTest {
    static TestCloud cloud;
    static String admin;
    static String adminId;
    static String adminProject;
    static String demo;
    static String demoId;
    static String demoProject;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        var adminToken = cloud.issue("admin", TestCloud.ADMIN_PASSWORD, "admin");
        admin = adminToken.headers().firstValue("X-Subject-Token").orElseThrow();
        adminId = adminToken.json().at("/token/user/id").asText();
        adminProject = adminToken.json().at("/token/project/id").asText();
        var demoToken = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo");
        demo = demoToken.headers().firstValue("X-Subject-Token").orElseThrow();
        demoId = demoToken.json().at("/token/user/id").asText();
        demoProject = demoToken.json().at("/token/project/id").asText();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void ec2CredentialsRoundTripWithTheAccessKeyHashAsId() {
        String access = unique();
        String blob = ec2Blob(access, "s3cr3t");
        var created = create(admin, demoId, demoProject, "ec2", blob);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode c = created.json().get("credential");
        String id = c.get("id").asText();
        assertThat(id).isEqualTo(sha256(access));
        assertThat(c.get("user_id").asText()).isEqualTo(demoId);
        assertThat(c.get("project_id").asText()).isEqualTo(demoProject);
        assertThat(c.get("type").asText()).isEqualTo("ec2");
        assertThat(c.get("blob").isTextual()).isTrue();
        assertThat(c.get("blob").asText()).isEqualTo(blob);
        assertThat(c.at("/links/self").asText()).isEqualTo(cloud.v3() + "/credentials/" + id);

        assertThat(cloud.get("/credentials/" + id, admin).json().get("credential")).isEqualTo(c);
        assertThat(cloud.get("/credentials", admin).json().get("credentials")).contains(c);
        assertThat(cloud.get("/credentials?user_id=" + demoId + "&type=ec2", admin).json().get("credentials")).contains(c);
        assertThat(cloud.get("/credentials?user_id=" + adminId, admin).json().get("credentials")).doesNotContain(c);
        assertThat(cloud.get("/credentials?type=cert", admin).json().get("credentials")).doesNotContain(c);

        String newBlob = ec2Blob(unique(), "n3w");
        var updated = cloud.send("PATCH", "/credentials/" + id, admin, "{\"credential\": {\"blob\": " + quoted(newBlob)
                + ", \"project_id\": \"" + adminProject + "\", \"type\": \"ec2\"}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode u = updated.json().get("credential");
        assertThat(u.get("id").asText()).as("the id stays, as in Keystone").isEqualTo(id);
        assertThat(u.get("blob").asText()).isEqualTo(newBlob);
        assertThat(u.get("project_id").asText()).isEqualTo(adminProject);
        assertThat(u.get("user_id").asText()).isEqualTo(demoId);
        assertThat(cloud.get("/credentials/" + id, admin).json().get("credential")).isEqualTo(u);

        assertThat(cloud.send("DELETE", "/credentials/" + id, admin, null).status()).isEqualTo(204);
        assertError(cloud.get("/credentials/" + id, admin), 404, "Could not find credential: " + id + ".");
        assertThat(cloud.send("DELETE", "/credentials/" + id, admin, null).status()).isEqualTo(404);
    }

    @Test
    void otherTypesGetARandomIdNeedNoProjectAndKeepExtraAttributes() {
        var created = cloud.post("/credentials", demo, "{\"credential\": {\"user_id\": \"" + demoId
                + "\", \"type\": \"totp\", \"blob\": \"GEZDGNBVGY3TQOJQ\", \"label\": \"phone\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode c = created.json().get("credential");
        assertThat(c.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(c.get("project_id").isNull()).isTrue();
        assertThat(c.get("label").asText()).isEqualTo("phone");
        assertThat(cloud.get("/credentials/" + c.get("id").asText(), demo).json().get("credential")).isEqualTo(c);
        var cleared = cloud.send("PATCH", "/credentials/" + c.get("id").asText(), demo,
                "{\"credential\": {\"label\": null, \"blob\": \"JBSWY3DPEHPK3PXP\"}}").json().get("credential");
        assertThat(cleared.has("label")).isFalse();
        assertThat(cleared.get("blob").asText()).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void blobsAreSealedInTheDatabase() {
        String secret = "very-secret-" + unique();
        String id = create(admin, demoId, demoProject, "ec2", ec2Blob(unique(), secret)).json().at("/credential/id").asText();
        try (var db = DirectStore.of(cloud)) {
            StoredCredential stored = db.read(tx -> tx.credentials().get(id)).orElseThrow();
            assertThat(stored.encryptedBlob()).doesNotContain(secret).doesNotContain("access");
            assertThat(stored.keyHash()).matches("[0-9a-f]{64}");
        }
        assertThat(cloud.get("/credentials/" + id, admin).json().at("/credential/blob").asText()).contains(secret);
    }

    @Test
    void validationErrorsNeverQuoteTheBlob() {
        assertError(create(admin, demoId, null, "ec2", ec2Blob(unique(), "x")), 400, "'project_id'");
        var notJson = create(admin, demoId, demoProject, "ec2", "not-json-hunter2");
        assertError(notJson, 400, "Invalid blob in credential");
        assertThat(notJson.body()).doesNotContain("hunter2");
        assertError(create(admin, demoId, demoProject, "ec2", "{\"secret\": \"hunter2\"}"), 400, "'access'");
        assertError(cloud.post("/credentials", admin, "{\"credential\": {\"user_id\": \"" + demoId
                + "\", \"type\": \"ec2\", \"blob\": {\"access\": \"a\"}}}"), 400, "Invalid input for field 'blob'");
        assertError(cloud.post("/credentials", admin, "{\"credential\": {\"user_id\": \"" + demoId
                + "\", \"blob\": \"x\"}}"), 400, "'type' is a required property.");
        assertError(cloud.post("/credentials", admin, "{\"credential\": {\"user_id\": \"" + demoId
                + "\", \"type\": \"cert\"}}"), 400, "'blob' is a required property.");
        assertError(create(admin, "no-such-user", null, "cert", "x"), 404, "Could not find user: no-such-user.");
        assertError(create(admin, demoId, "no-such-project", "cert", "x"), 404, "Could not find project: no-such-project.");
        String access = unique();
        assertThat(create(admin, demoId, demoProject, "ec2", ec2Blob(access, "a")).status()).isEqualTo(201);
        assertError(create(admin, adminId, adminProject, "ec2", ec2Blob(access, "b")), 409, "Duplicate ID, " + sha256(access));
    }

    @Test
    void usersManageOnlyTheirOwnCredentials() {
        String own = create(demo, demoId, demoProject, "ec2", ec2Blob(unique(), "mine")).json().at("/credential/id").asText();
        String admins = create(admin, adminId, adminProject, "ec2", ec2Blob(unique(), "theirs")).json().at("/credential/id").asText();
        assertError(create(demo, adminId, adminProject, "cert", "x"), 403, "identity:create_credential");

        JsonNode listed = cloud.get("/credentials", demo).json().get("credentials");
        assertThat(listed.findValuesAsText("user_id")).containsOnly(demoId);
        assertThat(listed.findValuesAsText("id")).contains(own).doesNotContain(admins);
        assertThat(cloud.get("/credentials?user_id=" + adminId, demo).json().get("credentials")).isEmpty();

        assertThat(cloud.get("/credentials/" + own, demo).status()).isEqualTo(200);
        assertError(cloud.get("/credentials/" + admins, demo), 403, "identity:get_credential");
        assertError(cloud.get("/credentials/no-such-credential", demo), 403, "identity:get_credential");
        assertError(cloud.send("PATCH", "/credentials/" + admins, demo, "{\"credential\": {\"type\": \"cert\"}}"), 403,
                "identity:update_credential");
        assertError(cloud.send("PATCH", "/credentials/" + own, demo, "{\"credential\": {\"user_id\": \"" + adminId + "\"}}"),
                403, "identity:update_credential");
        assertError(cloud.send("DELETE", "/credentials/" + admins, demo, null), 403, "identity:delete_credential");
        assertThat(cloud.send("DELETE", "/credentials/" + own, demo, null).status()).isEqualTo(204);
        assertThat(cloud.get("/credentials/" + admins, admin).status()).isEqualTo(200);
    }

    @Test
    void updatesKeepEc2BlobsValidAndTheirDelegationFixed() {
        String id = create(admin, demoId, demoProject, "ec2",
                "{\"access\": \"" + unique() + "\", \"secret\": \"s\", \"trust_id\": \"t1\"}").json().at("/credential/id").asText();
        assertError(cloud.send("PATCH", "/credentials/" + id, admin, "{\"credential\": {\"blob\": \"[]\"}}"), 400,
                "Invalid blob in credential");
        assertError(cloud.send("PATCH", "/credentials/" + id, admin, "{\"credential\": {\"blob\": "
                + quoted(ec2Blob(unique(), "s")) + "}}"), 400, "trust_id can not be updated");
        assertError(cloud.send("PATCH", "/credentials/" + id, admin, "{\"credential\": {\"project_id\": null}}"), 400,
                "'project_id'");
        assertError(cloud.send("PATCH", "/credentials/" + id, admin, "{\"credential\": {}}"), 400, "at least one attribute");
        assertError(cloud.send("PATCH", "/credentials/" + id, admin, "{\"credential\": {\"id\": \"other\"}}"), 400,
                "Cannot change credential ID");
    }

    @Test
    void deletingTheUserOrTheProjectDeletesTheirCredentials() {
        String userId = cloud.post("/users", admin, "{\"user\": {\"name\": \"" + unique() + "\", \"password\": \"pw\"}}")
                .json().at("/user/id").asText();
        String projectId = cloud.post("/projects", admin, "{\"project\": {\"name\": \"" + unique() + "\"}}")
                .json().at("/project/id").asText();
        String ofUser = create(admin, userId, null, "cert", "x").json().at("/credential/id").asText();
        String ofProject = create(admin, demoId, projectId, "cert", "y").json().at("/credential/id").asText();
        assertThat(cloud.send("DELETE", "/users/" + userId, admin, null).status()).isEqualTo(204);
        assertThat(cloud.send("DELETE", "/projects/" + projectId, admin, null).status()).isEqualTo(204);
        assertThat(cloud.get("/credentials/" + ofUser, admin).status()).isEqualTo(404);
        assertThat(cloud.get("/credentials/" + ofProject, admin).status()).isEqualTo(404);
    }

    @Test
    void ec2ApiCreatesListsShowsAndDeletesKeyPairs() throws Exception {
        String base = "/users/" + demoId + "/credentials/OS-EC2";
        var created = cloud.post(base, demo, "{\"tenant_id\": \"" + demoProject + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode c = created.json().get("credential");
        String access = c.get("access").asText();
        assertThat(access).matches("[0-9a-f]{32}");
        assertThat(c.get("secret").asText()).matches("[0-9a-f]{32}");
        assertThat(c.get("user_id").asText()).isEqualTo(demoId);
        assertThat(c.get("tenant_id").asText()).isEqualTo(demoProject);
        assertThat(c.get("trust_id").isNull()).isTrue();
        assertThat(c.at("/links/self").asText()).isEqualTo(cloud.v3() + base + "/" + access);

        assertThat(cloud.get(base + "/" + access, demo).json().get("credential")).isEqualTo(c);
        assertThat(cloud.get(base, demo).json().get("credentials")).contains(c);
        JsonNode asCredential = cloud.get("/credentials/" + sha256(access), demo).json().get("credential");
        assertThat(asCredential.get("type").asText()).isEqualTo("ec2");
        assertThat(Json.MAPPER.readTree(asCredential.get("blob").asText()).get("secret").asText())
                .isEqualTo(c.get("secret").asText());

        assertThat(cloud.send("DELETE", base + "/" + access, demo, null).status()).isEqualTo(204);
        assertError(cloud.get(base + "/" + access, demo), 404, "Could not find credential: " + access);
    }

    @Test
    void ec2ApiErrorsAndPolicy() {
        String adminBase = "/users/" + adminId + "/credentials/OS-EC2";
        String adminAccess = cloud.post(adminBase, admin, "{\"tenant_id\": \"" + adminProject + "\"}")
                .json().at("/credential/access").asText();
        assertError(cloud.get(adminBase, demo), 403, "identity:ec2_list_credentials");
        assertError(cloud.get(adminBase + "/" + adminAccess, demo), 403, "identity:ec2_get_credential");
        assertError(cloud.get("/users/" + demoId + "/credentials/OS-EC2/" + adminAccess, demo), 404,
                "Could not find credential");
        assertError(cloud.post(adminBase, demo, "{\"tenant_id\": \"" + demoProject + "\"}"), 403,
                "identity:ec2_create_credential");
        assertError(cloud.send("DELETE", adminBase + "/" + adminAccess, demo, null), 403, "identity:ec2_delete_credential");
        assertThat(cloud.get("/users/" + demoId + "/credentials/OS-EC2", admin).status()).as("admins read all").isEqualTo(200);

        String demoBase = "/users/" + demoId + "/credentials/OS-EC2";
        assertError(cloud.post(demoBase, demo, "{\"tenant_id\": \"no-such-project\"}"), 404,
                "Could not find project: no-such-project.");
        assertError(cloud.post(demoBase, demo, "{}"), 404, "tenant_id");
        assertError(cloud.get("/users/no-such-user/credentials/OS-EC2", admin), 404, "Could not find user: no-such-user.");
    }

    @Test
    void aRestrictedApplicationCredentialMakesNoEc2KeyPairs() {
        var appCred = cloud.post("/users/" + demoId + "/application_credentials", demo,
                "{\"application_credential\": {\"name\": \"" + unique() + "\"}}").json().get("application_credential");
        var auth = Json.object();
        var identity = auth.putObject("auth").putObject("identity");
        identity.putArray("methods").add("application_credential");
        identity.putObject("application_credential").put("id", appCred.get("id").asText())
                .put("secret", appCred.get("secret").asText());
        String token = cloud.post("/auth/tokens", null, auth.toString()).headers().firstValue("X-Subject-Token").orElseThrow();
        assertError(cloud.post("/users/" + demoId + "/credentials/OS-EC2", token, "{\"tenant_id\": \"" + demoProject + "\"}"),
                403, "not allowed for managing additional credentials");
        assertError(create(token, demoId, demoProject, "ec2", ec2Blob(unique(), "x")), 403,
                "not allowed for managing additional credentials");
        assertThat(create(token, demoId, null, "totp", "JBSWY3DP").status()).as("other types are allowed").isEqualTo(201);
    }

    @Test
    void sealedBlobsOpenAfterARestart() {
        String blob = ec2Blob(unique(), "kept");
        String id = create(admin, demoId, demoProject, "ec2", blob).json().at("/credential/id").asText();
        cloud.restart();
        assertThat(cloud.get("/credentials/" + id, admin).json().at("/credential/blob").asText()).isEqualTo(blob);
    }

    private static TestCloud.Response create(String token, String userId, String projectId, String type, String blob) {
        var credential = Json.object().put("user_id", userId).put("type", type).put("blob", blob);
        if (projectId != null) {
            credential.put("project_id", projectId);
        }
        return cloud.post("/credentials", token, Json.object().set("credential", credential).toString());
    }

    private static String ec2Blob(String access, String secret) {
        return "{\"access\": \"" + access + "\", \"secret\": \"" + secret + "\"}";
    }

    private static String quoted(String text) {
        return Json.MAPPER.getNodeFactory().textNode(text).toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String unique() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void assertError(TestCloud.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(status);
        assertThat(r.json().at("/error/message").asText()).contains(messagePart);
    }
}
