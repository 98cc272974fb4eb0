package dev.kumo.server;

import static dev.kumo.server.UsersApiTest.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupsApiTest {
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

    static ObjectNode groupBody(String name) {
        var body = Json.object();
        body.putObject("group").put("name", name);
        return body;
    }

    static JsonNode createGroup(ObjectNode body) {
        var r = cloud.post("/groups", admin, body.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("group");
    }

    static JsonNode createUser(String name, String password) {
        var body = Json.object();
        body.putObject("user").put("name", name).put("password", password).put("email", name + "@example.org");
        var r = cloud.post("/users", admin, body.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("user");
    }

    static String membership(String groupId, String userId) {
        return "/groups/" + groupId + "/users/" + userId;
    }

    @Test
    void createShowListUpdateDelete() {
        String name = unique("ops");
        var body = groupBody(name);
        body.with("group").put("description", "Operators").put("team", "blue");
        var group = createGroup(body);
        String id = group.get("id").asText();
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(group.get("name").asText()).isEqualTo(name);
        assertThat(group.get("domain_id").asText()).isEqualTo("default");
        assertThat(group.get("description").asText()).isEqualTo("Operators");
        assertThat(group.get("team").asText()).isEqualTo("blue");
        assertThat(group.at("/links/self").asText()).isEqualTo(cloud.v3() + "/groups/" + id);
        assertThat(cloud.get("/groups/" + id, admin).json().get("group")).isEqualTo(group);
        assertThat(cloud.get("/groups", admin).json().get("groups").findValuesAsText("id")).contains(id);
        assertThat(cloud.get("/groups?name=" + name, admin).json().get("groups").findValuesAsText("id")).containsExactly(id);
        assertThat(cloud.get("/groups?domain_id=nope", admin).json().get("groups")).isEmpty();
        String renamed = unique("ops2");
        var update = Json.object();
        update.putObject("group").put("name", renamed);
        var updated = cloud.send("PATCH", "/groups/" + id, admin, update.toString());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/group/name").asText()).isEqualTo(renamed);
        assertThat(updated.json().at("/group/description").asText()).isEqualTo("Operators");
        assertThat(cloud.send("DELETE", "/groups/" + id, admin, null).status()).isEqualTo(204);
        var gone = cloud.get("/groups/" + id, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/message").asText()).isEqualTo("Could not find group: " + id + ".");
    }

    @Test
    void descriptionDefaultsToEmptyAndDomainToTheDefaultOne() {
        var group = createGroup(groupBody(unique("plain")));
        assertThat(group.get("description").asText()).isEmpty();
        assertThat(group.get("domain_id").asText()).isEqualTo("default");
    }

    @Test
    void groupInAnotherDomainAndDuplicateNames() {
        var domain = Json.object();
        domain.putObject("domain").put("name", unique("dom"));
        String domainId = cloud.post("/domains", admin, domain.toString()).json().at("/domain/id").asText();
        String name = unique("dup");
        createGroup(groupBody(name));
        var r = cloud.post("/groups", admin, groupBody(name).toString());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/error/message").asText()).isEqualTo("Conflict occurred attempting to store group - "
                + "Duplicate entry found with name " + name + " at domain ID default.");
        var elsewhere = groupBody(name);
        elsewhere.with("group").put("domain_id", domainId);
        assertThat(createGroup(elsewhere).get("domain_id").asText()).isEqualTo(domainId);
        var lost = groupBody(unique("lost"));
        lost.with("group").put("domain_id", "no-such-domain");
        var notFound = cloud.post("/groups", admin, lost.toString());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().at("/error/message").asText()).isEqualTo("Could not find domain: no-such-domain.");
        assertThat(cloud.post("/groups", admin, "{\"group\": {}}").status()).isEqualTo(400);
    }

    @Test
    void membersAddListCheckRemove() {
        String groupId = createGroup(groupBody(unique("team"))).get("id").asText();
        var first = createUser(unique("u1"), "pw");
        var second = createUser(unique("u2"), "pw");
        for (var u : List.of(first, second)) {
            assertThat(cloud.send("PUT", membership(groupId, u.get("id").asText()), admin, null).status()).isEqualTo(204);
        }
        // adding twice is fine
        assertThat(cloud.send("PUT", membership(groupId, first.get("id").asText()), admin, null).status()).isEqualTo(204);
        var members = cloud.get("/groups/" + groupId + "/users", admin).json().get("users");
        // tempest compares the listed users with what create returned, field for field
        assertThat(members).containsExactlyInAnyOrder(first, second);
        assertThat(cloud.get("/groups/" + groupId + "/users?name=" + first.get("name").asText(), admin).json()
                .get("users").findValuesAsText("id")).containsExactly(first.get("id").asText());
        String firstId = first.get("id").asText();
        assertThat(cloud.send("HEAD", membership(groupId, firstId), admin, null).status()).isEqualTo(204);
        assertThat(cloud.get(membership(groupId, firstId), admin).status()).isEqualTo(204);
        assertThat(cloud.send("DELETE", membership(groupId, firstId), admin, null).status()).isEqualTo(204);
        assertThat(cloud.send("HEAD", membership(groupId, firstId), admin, null).status()).isEqualTo(404);
        var again = cloud.send("DELETE", membership(groupId, firstId), admin, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().at("/error/message").asText())
                .isEqualTo("User '" + firstId + "' not found in group '" + groupId + "'");
        assertThat(cloud.get("/groups/" + groupId + "/users", admin).json().get("users").findValuesAsText("id"))
                .containsExactly(second.get("id").asText());
    }

    @Test
    void membershipOfUnknownGroupOrUserIs404() {
        String groupId = createGroup(groupBody(unique("g"))).get("id").asText();
        String userId = createUser(unique("u"), "pw").get("id").asText();
        var noGroup = cloud.send("PUT", membership("nope", userId), admin, null);
        assertThat(noGroup.status()).isEqualTo(404);
        assertThat(noGroup.json().at("/error/message").asText()).isEqualTo("Could not find group: nope.");
        var noUser = cloud.send("PUT", membership(groupId, "nope"), admin, null);
        assertThat(noUser.status()).isEqualTo(404);
        assertThat(noUser.json().at("/error/message").asText()).isEqualTo("Could not find user: nope.");
        assertThat(cloud.get("/groups/nope/users", admin).status()).isEqualTo(404);
        assertThat(cloud.send("DELETE", membership(groupId, "nope"), admin, null).status()).isEqualTo(404);
    }

    @Test
    void groupsOfAUserCarryMembershipExpiry() {
        var user = createUser(unique("joiner"), "pw");
        String userId = user.get("id").asText();
        var a = createGroup(groupBody(unique("a")));
        var b = createGroup(groupBody(unique("b")));
        for (var g : List.of(a, b)) {
            cloud.send("PUT", membership(g.get("id").asText(), userId), admin, null);
        }
        var r = cloud.get("/users/" + userId + "/groups", admin);
        assertThat(r.status()).isEqualTo(200);
        var groups = r.json().get("groups");
        assertThat(groups).hasSize(2);
        for (JsonNode g : groups) {
            assertThat(g.get("membership_expires_at").isNull()).isTrue();
            ((ObjectNode) g).remove("membership_expires_at");
        }
        assertThat(groups).containsExactlyInAnyOrder(a, b);
        // a user may list its own groups
        String own = cloud.issue(user.get("name").asText(), "pw", null).headers().firstValue("X-Subject-Token").orElseThrow();
        assertThat(cloud.get("/users/" + userId + "/groups", own).json().get("groups")).hasSize(2);
    }

    @Test
    void demoIsForbiddenEverything() {
        String demo = cloud.demoToken();
        String groupId = createGroup(groupBody(unique("closed"))).get("id").asText();
        String userId = createUser(unique("m"), "pw").get("id").asText();
        assertForbidden(cloud.get("/groups", demo), "identity:list_groups");
        assertForbidden(cloud.get("/groups/" + groupId, demo), "identity:get_group");
        assertForbidden(cloud.post("/groups", demo, groupBody("x").toString()), "identity:create_group");
        assertForbidden(cloud.send("PATCH", "/groups/" + groupId, demo, groupBody("x").toString()), "identity:update_group");
        assertForbidden(cloud.send("DELETE", "/groups/" + groupId, demo, null), "identity:delete_group");
        assertForbidden(cloud.get("/groups/" + groupId + "/users", demo), "identity:list_users_in_group");
        assertForbidden(cloud.send("PUT", membership(groupId, userId), demo, null), "identity:add_user_to_group");
        assertForbidden(cloud.get(membership(groupId, userId), demo), "identity:check_user_in_group");
        assertForbidden(cloud.send("DELETE", membership(groupId, userId), demo, null), "identity:remove_user_from_group");
    }

    @Test
    void updateRefusesToChangeDomainOrIdAndNamesMustStayUnique() {
        String taken = unique("taken");
        createGroup(groupBody(taken));
        String id = createGroup(groupBody(unique("mine"))).get("id").asText();
        var clash = cloud.send("PATCH", "/groups/" + id, admin, groupBody(taken).toString());
        assertThat(clash.status()).isEqualTo(409);
        var domain = cloud.send("PATCH", "/groups/" + id, admin, "{\"group\": {\"domain_id\": \"elsewhere\"}}");
        assertThat(domain.status()).isEqualTo(400);
        assertThat(domain.json().at("/error/message").asText()).isEqualTo("Cannot change Domain ID");
        assertThat(cloud.send("PATCH", "/groups/" + id, admin, "{\"group\": {\"id\": \"other\"}}").status()).isEqualTo(400);
        assertThat(cloud.send("PATCH", "/groups/nope", admin, groupBody("x").toString()).status()).isEqualTo(404);
    }

    @Test
    void deleteRemovesAssignmentsAndMembershipsAndRevokesMembersTokensWhenTheGroupHadRoles() {
        String groupId = createGroup(groupBody(unique("roled"))).get("id").asText();
        String name = unique("member");
        String userId = createUser(name, "pw").get("id").asText();
        cloud.send("PUT", membership(groupId, userId), admin, null);
        String token = cloud.issue(name, "pw", null).headers().firstValue("X-Subject-Token").orElseThrow();
        String demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        try (var db = DirectStore.of(cloud)) {
            String member = db.roleId("member");
            db.write(tx -> {
                tx.assignments().grant(new RoleAssignment(ActorType.GROUP, groupId, TargetType.PROJECT, demoProject,
                        member, false));
                return null;
            });
            // a write of the server's own makes it reload the state, grant included
            cloud.send("PATCH", "/groups/" + groupId, admin, "{\"group\": {\"description\": \"with roles\"}}");
            var scoped = cloud.issue(name, "pw", "demo");
            assertThat(scoped.status()).as("the group's role lets the member in").isEqualTo(201);
            assertThat(cloud.send("DELETE", "/groups/" + groupId, admin, null).status()).isEqualTo(204);
            assertThat(db.read(tx -> tx.assignments().all()).stream().map(RoleAssignment::actorId)).doesNotContain(groupId);
            assertThat(db.read(tx -> tx.groups().memberships()).stream().map(m -> m.groupId())).doesNotContain(groupId);
        }
        assertThat(cloud.get("/users/" + userId, token).status()).isEqualTo(401);
        assertThat(cloud.get("/users/" + userId + "/groups", admin).json().get("groups")).isEmpty();
    }
}
