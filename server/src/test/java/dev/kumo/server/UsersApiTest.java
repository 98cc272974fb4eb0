package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsersApiTest {
    static TestCloud cloud;
    static String admin;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = cloud.adminToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ObjectNode userBody(String name, String password) {
        var body = Json.object();
        body.putObject("user").put("name", name).put("password", password);
        return body;
    }

    static JsonNode createUser(String name, String password) {
        var r = cloud.post("/users", admin, userBody(name, password).toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("user");
    }

    /** An unscoped token: new users have no roles, but may still act on themselves. */
    static String tokenOf(String name, String password) {
        var r = cloud.issue(name, password, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    static TestCloud.Response patch(String path, String token, String body) {
        return cloud.send("PATCH", path, token, body);
    }

    static String passwordChange(String original, String password) {
        var body = Json.object();
        body.putObject("user").put("original_password", original).put("password", password);
        return body.toString();
    }

    @Test
    void createShowsKeystonesFieldsAndNeverThePassword() {
        String name = unique("alice");
        var body = userBody(name, "pw-1");
        body.with("user").put("email", name + "@example.org").put("description", "Alice")
                .put("default_project_id", "0123456789abcdef").put("favourite_colour", "green");
        var r = cloud.post("/users", admin, body.toString());
        assertThat(r.status()).isEqualTo(201);
        var user = r.json().get("user");
        assertThat(user.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(user.get("name").asText()).isEqualTo(name);
        assertThat(user.get("domain_id").asText()).isEqualTo("default");
        assertThat(user.get("enabled").asBoolean()).isTrue();
        assertThat(user.get("email").asText()).isEqualTo(name + "@example.org");
        assertThat(user.get("description").asText()).isEqualTo("Alice");
        assertThat(user.get("default_project_id").asText()).isEqualTo("0123456789abcdef");
        assertThat(user.get("favourite_colour").asText()).isEqualTo("green");
        assertThat(user.get("password_expires_at").isNull()).isTrue();
        assertThat(user.get("options").toString()).isEqualTo("{}");
        assertThat(user.at("/links/self").asText()).isEqualTo(cloud.v3() + "/users/" + user.get("id").asText());
        assertThat(r.body()).doesNotContain("pw-1").doesNotContain("password\"");
        var shown = cloud.get("/users/" + user.get("id").asText(), admin);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("user")).isEqualTo(user);
    }

    @Test
    void unsetOptionalFieldsAreLeftOut() {
        var user = createUser(unique("bare"), "pw");
        assertThat(user.has("default_project_id")).isFalse();
        assertThat(user.has("email")).isFalse();
        assertThat(user.has("description")).isFalse();
        assertThat(user.has("password")).isFalse();
    }

    @Test
    void listFiltersByNameDomainAndEnabled() {
        String name = unique("listed");
        var user = createUser(name, "pw");
        var disabled = userBody(unique("off"), "pw");
        disabled.with("user").put("enabled", false);
        String disabledId = cloud.post("/users", admin, disabled.toString()).json().at("/user/id").asText();
        var all = cloud.get("/users", admin).json();
        assertThat(all.get("users").findValuesAsText("id")).contains(user.get("id").asText(), disabledId);
        assertThat(all.at("/links/self").asText()).endsWith("/identity/v3/users");
        assertThat(cloud.get("/users?name=" + name, admin).json().get("users").findValuesAsText("id"))
                .containsExactly(user.get("id").asText());
        var off = cloud.get("/users?enabled=false", admin).json().get("users").findValuesAsText("id");
        assertThat(off).contains(disabledId).doesNotContain(user.get("id").asText());
        assertThat(cloud.get("/users?domain_id=nope", admin).json().get("users")).isEmpty();
        // Keystone's password_expires_at filter is accepted and ignored: no password here ever expires
        assertThat(cloud.get("/users?password_expires_at=lt:2030-01-01T00:00:00Z", admin).status()).isEqualTo(200);
    }

    @Test
    void duplicateNameInADomainIs409InKeystonesWords() {
        String name = unique("twin");
        createUser(name, "pw");
        var r = cloud.post("/users", admin, userBody(name, "pw").toString());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/error/message").asText()).isEqualTo("Conflict occurred attempting to store user - "
                + "Duplicate entry found with name " + name + " at domain ID default.");
        var other = Json.object();
        other.putObject("domain").put("name", unique("dom"));
        String domainId = cloud.post("/domains", admin, other.toString()).json().at("/domain/id").asText();
        var elsewhere = userBody(name, "pw");
        elsewhere.with("user").put("domain_id", domainId);
        assertThat(cloud.post("/users", admin, elsewhere.toString()).status()).isEqualTo(201);
    }

    @Test
    void renamingOntoAnotherUsersNameIs409() {
        String taken = unique("taken");
        createUser(taken, "pw");
        var user = createUser(unique("renamed"), "pw");
        var body = Json.object();
        body.putObject("user").put("name", taken);
        var r = patch("/users/" + user.get("id").asText(), admin, body.toString());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/error/message").asText()).contains("Duplicate entry found with name " + taken);
    }

    @Test
    void badInputIs400Or404() {
        var unknownDomain = userBody(unique("lost"), "pw");
        unknownDomain.with("user").put("domain_id", "no-such-domain");
        var r = cloud.post("/users", admin, unknownDomain.toString());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().at("/error/message").asText()).isEqualTo("Could not find domain: no-such-domain.");
        var noName = cloud.post("/users", admin, "{\"user\": {\"password\": \"x\"}}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().at("/error/message").asText()).contains("'name' is a required property");
        assertThat(cloud.post("/users", admin, "{\"user\": {\"name\": \"x\", \"enabled\": \"yes\"}}").status())
                .isEqualTo(400);
        var domainAsProject = userBody(unique("dp"), "pw");
        domainAsProject.with("user").put("default_project_id", "default");
        var d = cloud.post("/users", admin, domainAsProject.toString());
        assertThat(d.status()).isEqualTo(400);
        assertThat(d.json().at("/error/message").asText()).contains("cannot be a domain ID");
        var badOption = userBody(unique("opt"), "pw");
        badOption.with("user").putObject("options").put("no_such_option", true);
        assertThat(cloud.post("/users", admin, badOption.toString()).status()).isEqualTo(400);
    }

    @Test
    void unknownUserIs404WithKeystonesMessage() {
        for (var r : List.of(cloud.get("/users/nope", admin), patch("/users/nope", admin, "{\"user\": {\"name\": \"x\"}}"),
                cloud.send("DELETE", "/users/nope", admin, null), cloud.get("/users/nope/projects", admin),
                cloud.get("/users/nope/groups", admin))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().at("/error/message").asText()).isEqualTo("Could not find user: nope.");
        }
    }

    @Test
    void updateChangesFieldsKeepsTheRestAndTakesTempestsIdInTheBody() {
        var user = createUser(unique("upd"), "pw");
        String id = user.get("id").asText();
        var body = Json.object();
        body.putObject("user").put("id", id).put("name", unique("upd2")).put("email", "new@example.org")
                .put("project_id", "p-123").put("enabled", false);
        var r = patch("/users/" + id, admin, body.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var updated = r.json().get("user");
        assertThat(updated.get("name").asText()).isEqualTo(body.at("/user/name").asText());
        assertThat(updated.get("email").asText()).isEqualTo("new@example.org");
        assertThat(updated.get("project_id").asText()).isEqualTo("p-123");
        assertThat(updated.get("enabled").asBoolean()).isFalse();
        assertThat(cloud.get("/users/" + id, admin).json().get("user")).isEqualTo(updated);
        var clear = patch("/users/" + id, admin, "{\"user\": {\"email\": null, \"project_id\": null}}").json().get("user");
        assertThat(clear.has("email")).isFalse();
        assertThat(clear.has("project_id")).isFalse();
        assertThat(clear.get("name").asText()).isEqualTo(updated.get("name").asText());
    }

    @Test
    void updateRefusesToChangeIdOrDomain() {
        String id = createUser(unique("fixed"), "pw").get("id").asText();
        var otherId = patch("/users/" + id, admin, "{\"user\": {\"id\": \"other\"}}");
        assertThat(otherId.status()).isEqualTo(400);
        assertThat(otherId.json().at("/error/message").asText()).startsWith("Cannot change user ID");
        var otherDomain = patch("/users/" + id, admin, "{\"user\": {\"domain_id\": \"other\"}}");
        assertThat(otherDomain.status()).isEqualTo(400);
        assertThat(otherDomain.json().at("/error/message").asText()).isEqualTo("Cannot change Domain ID");
        assertThat(patch("/users/" + id, admin, "{\"user\": {}}").status()).isEqualTo(400);
    }

    @Test
    void optionsAreStoredMergedAndShown() {
        var body = userBody(unique("opts"), "pw");
        body.with("user").putObject("options").put("ignore_lockout_failure_attempts", true);
        var user = cloud.post("/users", admin, body.toString()).json().get("user");
        assertThat(user.at("/options/ignore_lockout_failure_attempts").asBoolean()).isTrue();
        String id = user.get("id").asText();
        var updated = patch("/users/" + id, admin,
                "{\"user\": {\"options\": {\"lock_password\": true, \"ignore_lockout_failure_attempts\": null}}}");
        assertThat(updated.json().at("/user/options").toString()).isEqualTo("{\"lock_password\":true}");
        assertThat(cloud.get("/users/" + id, admin).json().at("/user/options").toString())
                .isEqualTo("{\"lock_password\":true}");
    }

    @Test
    void demoMayReadItselfButNotAdministerUsers() {
        String demo = cloud.demoToken();
        String demoId = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/user/id").asText();
        String adminId = cloud.issue("admin", TestCloud.ADMIN_PASSWORD, "admin").json().at("/token/user/id").asText();
        assertThat(cloud.get("/users/" + demoId, demo).status()).isEqualTo(200);
        assertForbidden(cloud.get("/users", demo), "identity:list_users");
        assertForbidden(cloud.get("/users/" + adminId, demo), "identity:get_user");
        assertForbidden(cloud.post("/users", demo, userBody(unique("x"), "pw").toString()), "identity:create_user");
        assertForbidden(patch("/users/" + demoId, demo, "{\"user\": {\"name\": \"x\"}}"), "identity:update_user");
        assertForbidden(cloud.send("DELETE", "/users/" + adminId, demo, null), "identity:delete_user");
        assertForbidden(cloud.get("/users/" + adminId + "/projects", demo), "identity:list_user_projects");
        assertForbidden(cloud.get("/users/" + adminId + "/groups", demo), "identity:list_groups_for_user");
        assertThat(cloud.get("/users", null).status()).isEqualTo(401);
    }

    static void assertForbidden(TestCloud.Response r, String action) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.json().at("/error/message").asText())
                .isEqualTo("You are not authorized to perform the requested action: " + action + ".");
    }

    @Test
    void userProjectsAreTheProjectsTheUserHasRolesOn() {
        var issued = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json();
        String demoId = issued.at("/token/user/id").asText();
        var own = cloud.get("/users/" + demoId + "/projects", cloud.demoToken());
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("projects").findValuesAsText("name")).containsExactly("demo");
        assertThat(own.json().at("/projects/0/links/self").asText()).contains("/projects/");
        assertThat(cloud.get("/users/" + demoId + "/projects?name=admin", admin).json().get("projects")).isEmpty();
        String fresh = createUser(unique("noroles"), "pw").get("id").asText();
        assertThat(cloud.get("/users/" + fresh + "/projects", admin).json().get("projects")).isEmpty();
    }

    @Test
    void selfServicePasswordChangeRevokesOldTokensAndTheNewPasswordWorks() throws InterruptedException {
        String name = unique("changer");
        String id = createUser(name, "old-pw").get("id").asText();
        String oldToken = tokenOf(name, "old-pw");
        assertThat(cloud.get("/users/" + id, oldToken).status()).isEqualTo(200);
        var r = cloud.post("/users/" + id + "/password", oldToken, passwordChange("old-pw", "new-pw"));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
        assertThat(cloud.get("/users/" + id, oldToken).status()).isEqualTo(401);
        assertThat(cloud.issue(name, "old-pw", null).status()).isEqualTo(401);
        // revocations match tokens issued up to the same millisecond (Keystone: second, hence tempest's sleep)
        Thread.sleep(5);
        String newToken = tokenOf(name, "new-pw");
        assertThat(cloud.get("/users/" + id, newToken).status()).isEqualTo(200);
    }

    @Test
    void passwordChangeNeedsNoTokenButTheRightOriginalPassword() {
        String name = unique("anon");
        String id = createUser(name, "first").get("id").asText();
        var wrong = cloud.post("/users/" + id + "/password", null, passwordChange("not-it", "second"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().at("/error/message").asText())
                .isEqualTo("Error when changing user password: Invalid user / password");
        var unknown = cloud.post("/users/nope/password", null, passwordChange("first", "second"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().at("/error/message").asText()).isEqualTo(wrong.json().at("/error/message").asText());
        var missing = cloud.post("/users/" + id + "/password", null, "{\"user\": {\"password\": \"second\"}}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/error/message").asText()).contains("'original_password' is a required property");
        var extra = cloud.post("/users/" + id + "/password", null,
                "{\"user\": {\"password\": \"a\", \"original_password\": \"first\", \"name\": \"x\"}}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(cloud.post("/users/" + id + "/password", null, passwordChange("first", "second")).status())
                .isEqualTo(204);
        assertThat(cloud.issue(name, "second", null).status()).isEqualTo(201);
    }

    @Test
    void adminSettingAPasswordRevokesTheUsersTokens() throws InterruptedException {
        String name = unique("reset");
        String id = createUser(name, "before").get("id").asText();
        String token = tokenOf(name, "before");
        var r = patch("/users/" + id, admin, "{\"user\": {\"password\": \"after\"}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("after");
        assertThat(cloud.get("/users/" + id, token).status()).isEqualTo(401);
        assertThat(cloud.issue(name, "before", null).status()).isEqualTo(401);
        Thread.sleep(5);
        assertThat(cloud.get("/users/" + id, tokenOf(name, "after")).status()).isEqualTo(200);
    }

    @Test
    void disablingAUserRevokesItsTokensForGood() throws InterruptedException {
        String name = unique("off");
        String id = createUser(name, "pw").get("id").asText();
        String token = tokenOf(name, "pw");
        assertThat(patch("/users/" + id, admin, "{\"user\": {\"enabled\": false}}").status()).isEqualTo(200);
        assertThat(cloud.get("/users/" + id, token).status()).isEqualTo(401);
        assertThat(cloud.issue(name, "pw", null).status()).isEqualTo(401);
        assertThat(patch("/users/" + id, admin, "{\"user\": {\"enabled\": true}}").status()).isEqualTo(200);
        // re-enabling does not bring the old token back
        assertThat(cloud.get("/users/" + id, token).status()).isEqualTo(401);
        Thread.sleep(5);
        assertThat(cloud.get("/users/" + id, tokenOf(name, "pw")).status()).isEqualTo(200);
    }

    @Test
    void deleteRemovesTheUserItsTokensAssignmentsMembershipsAndApplicationCredentials() {
        String name = unique("doomed");
        String id = createUser(name, "pw").get("id").asText();
        String token = tokenOf(name, "pw");
        var group = Json.object();
        group.putObject("group").put("name", unique("club"));
        String groupId = cloud.post("/groups", admin, group.toString()).json().at("/group/id").asText();
        assertThat(cloud.send("PUT", "/groups/" + groupId + "/users/" + id, admin, null).status()).isEqualTo(204);
        String demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        try (var db = DirectStore.of(cloud)) {
            String member = db.roleId("member");
            db.write(tx -> {
                tx.assignments().grant(new RoleAssignment(ActorType.USER, id, TargetType.PROJECT, demoProject, member, false));
                tx.applicationCredentials().insert(new ApplicationCredential("ac-" + id, "ci", id, demoProject, "",
                        null, false, List.of(member)), "hash");
                return null;
            });
            assertThat(cloud.send("DELETE", "/users/" + id, admin, null).status()).isEqualTo(204);
            assertThat(db.read(tx -> tx.assignments().all()).stream().map(RoleAssignment::actorId)).doesNotContain(id);
            assertThat(db.read(tx -> tx.applicationCredentials().all()).stream().map(ApplicationCredential::userId))
                    .doesNotContain(id);
            assertThat(db.read(tx -> tx.groups().memberships()).stream().map(m -> m.userId())).doesNotContain(id);
        }
        assertThat(cloud.get("/users/" + id, admin).status()).isEqualTo(404);
        assertThat(cloud.get("/users/" + id, token).status()).isEqualTo(401);
        assertThat(cloud.get("/groups/" + groupId + "/users", admin).json().get("users")).isEmpty();
        // the name is free again
        assertThat(cloud.post("/users", admin, userBody(name, "pw").toString()).status()).isEqualTo(201);
    }
}
