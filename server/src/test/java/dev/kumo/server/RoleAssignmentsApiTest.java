package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grants on projects, domains and the system (also inherited), and {@code /v3/role_assignments}. Only the
 * bootstrap users exist over HTTP here; group expansion is covered by the core AssignmentServiceTest.
 */
class RoleAssignmentsApiTest {
    static TestCloud cloud;
    static String admin;
    static String demoUser;
    static String adminUser;
    static String adminProject;
    static String demoProject;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = cloud.adminToken();
        adminUser = cloud.issue("admin", TestCloud.ADMIN_PASSWORD, "admin").json().at("/token/user/id").asText();
        demoUser = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/user/id").asText();
        adminProject = cloud.get("/projects?name=admin", admin).json().at("/projects/0/id").asText();
        demoProject = cloud.get("/projects?name=demo", admin).json().at("/projects/0/id").asText();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static String create(String collection, String key, String body) {
        var r = cloud.post("/" + collection, admin, "{\"" + key + "\": " + body + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/" + key + "/id").asText();
    }

    static String roleId(String name) {
        return cloud.get("/roles?name=" + name, admin).json().at("/roles/0/id").asText();
    }

    /** demo's password token scoped by {@code scope} (a JSON object such as {"project": {"id": ...}}). */
    static TestCloud.Response demoScopedTo(String scope) {
        var body = TestCloud.passwordAuth("demo", TestCloud.DEMO_PASSWORD);
        ((ObjectNode) body.get("auth")).set("scope", readTree(scope));
        return cloud.post("/auth/tokens", null, body.toString());
    }

    static TestCloud.Response demoOnProject(String projectId) {
        return demoScopedTo("{\"project\": {\"id\": \"" + projectId + "\"}}");
    }

    static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> assignments(String query, String token) {
        var r = cloud.get("/role_assignments" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return StreamSupport.stream(r.json().get("role_assignments").spliterator(), false).toList();
    }

    static int status(String method, String path) {
        return cloud.send(method, path, admin, null).status();
    }

    @Test
    void grantCheckListAndRevokeOnAProjectDecideWhetherATokenIsIssued() {
        String project = create("projects", "project", "{\"name\": \"ra-one\"}");
        String member = roleId("member");
        String grant = "/projects/" + project + "/users/" + demoUser + "/roles/" + member;
        assertThat(demoOnProject(project).status()).isEqualTo(401);

        assertThat(status("PUT", grant)).isEqualTo(204);
        assertThat(status("PUT", grant)).isEqualTo(204);
        assertThat(status("HEAD", grant)).isEqualTo(204);
        assertThat(status("GET", grant)).isEqualTo(204);
        var list = cloud.get("/projects/" + project + "/users/" + demoUser + "/roles", admin).json();
        assertThat(list.get("roles").findValuesAsText("name")).containsExactly("member");
        assertThat(list.at("/roles/0/links/self").asText()).isEqualTo(cloud.v3() + "/roles/" + member);
        var token = demoOnProject(project);
        assertThat(token.status()).isEqualTo(201);
        assertThat(token.json().at("/token/roles").findValuesAsText("name")).containsExactlyInAnyOrder("member", "reader");

        assertThat(status("DELETE", grant)).isEqualTo(204);
        assertThat(demoOnProject(project).status()).isEqualTo(401);
        var again = cloud.send("DELETE", grant, admin, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().at("/error/message").asText()).isEqualTo("Could not find role assignment with role: "
                + member + ", user or group: " + demoUser + ", project, domain, or system: " + project + ".");
        assertThat(status("HEAD", grant)).isEqualTo(404);
    }

    @Test
    void inheritedProjectGrantAppliesToTheChildrenOnly() {
        String parent = create("projects", "project", "{\"name\": \"ra-parent\"}");
        String child = create("projects", "project", "{\"name\": \"ra-child\", \"parent_id\": \"" + parent + "\"}");
        String reader = roleId("reader");
        String grant = "/OS-INHERIT/projects/" + parent + "/users/" + demoUser + "/roles/" + reader + "/inherited_to_projects";
        assertThat(status("PUT", grant)).isEqualTo(204);
        assertThat(status("HEAD", grant)).isEqualTo(204);
        assertThat(demoOnProject(child).json().at("/token/roles").findValuesAsText("name")).containsExactly("reader");
        assertThat(demoOnProject(parent).status()).isEqualTo(401);

        var effective = assignments("?user.id=" + demoUser + "&scope.project.id=" + child + "&effective", admin);
        assertThat(effective).hasSize(1);
        assertThat(effective.get(0).at("/scope/OS-INHERIT:inherited_to").asText()).isEqualTo("projects");
        assertThat(effective.get(0).at("/scope/project/id").asText()).isEqualTo(child);
        assertThat(effective.get(0).at("/links/assignment").asText()).isEqualTo(cloud.v3() + grant);
        var direct = assignments("?scope.project.id=" + parent + "&scope.OS-INHERIT:inherited_to=projects", admin);
        assertThat(direct).hasSize(1);
        assertThat(direct.get(0).at("/links/assignment").asText()).isEqualTo(cloud.v3() + grant);
        var subtree = assignments("?scope.project.id=" + parent + "&include_subtree=true&effective", admin);
        assertThat(subtree).extracting(a -> a.at("/scope/project/id").asText()).containsExactly(child);

        assertThat(status("DELETE", grant)).isEqualTo(204);
        assertThat(demoOnProject(child).status()).isEqualTo(401);
        assertThat(assignments("?user.id=" + demoUser + "&scope.project.id=" + child + "&effective", admin)).isEmpty();
    }

    @Test
    void domainGrantsAndInheritedDomainGrants() {
        String domain = create("domains", "domain", "{\"name\": \"ra-domain\"}");
        String project = create("projects", "project", "{\"name\": \"ra-in-domain\", \"domain_id\": \"" + domain + "\"}");
        String member = roleId("member");
        String reader = roleId("reader");
        String inherited = "/OS-INHERIT/domains/" + domain + "/users/" + demoUser + "/roles/" + member + "/inherited_to_projects";
        assertThat(status("PUT", inherited)).isEqualTo(204);
        var inheritedList = cloud.get("/OS-INHERIT/domains/" + domain + "/users/" + demoUser
                + "/roles/inherited_to_projects", admin).json();
        assertThat(inheritedList.get("roles").findValuesAsText("name")).containsExactly("member");
        assertThat(demoOnProject(project).status()).isEqualTo(201);
        String domainScope = "{\"domain\": {\"id\": \"" + domain + "\"}}";
        assertThat(demoScopedTo(domainScope).status()).isEqualTo(401);

        String direct = "/domains/" + domain + "/users/" + demoUser + "/roles/" + reader;
        assertThat(status("PUT", direct)).isEqualTo(204);
        assertThat(cloud.get("/domains/" + domain + "/users/" + demoUser + "/roles", admin).json().get("roles")
                .findValuesAsText("name")).containsExactly("reader");
        assertThat(demoScopedTo(domainScope).json().at("/token/roles").findValuesAsText("name")).containsExactly("reader");
        var onDomain = assignments("?scope.domain.id=" + domain, admin);
        assertThat(onDomain).extracting(a -> a.at("/links/assignment").asText()).containsExactlyInAnyOrder(
                cloud.v3() + inherited, cloud.v3() + direct);
        assertThat(status("DELETE", inherited)).isEqualTo(204);
        assertThat(demoOnProject(project).status()).isEqualTo(401);
        assertThat(status("DELETE", direct)).isEqualTo(204);
    }

    @Test
    void systemGrants() {
        String reader = roleId("reader");
        String grant = "/system/users/" + demoUser + "/roles/" + reader;
        String system = "{\"system\": {\"all\": true}}";
        assertThat(demoScopedTo(system).status()).isEqualTo(401);
        assertThat(status("PUT", grant)).isEqualTo(204);
        assertThat(status("HEAD", grant)).isEqualTo(204);
        assertThat(cloud.get("/system/users/" + demoUser + "/roles", admin).json().get("roles").findValuesAsText("name"))
                .containsExactly("reader");
        assertThat(demoScopedTo(system).status()).isEqualTo(201);
        var listed = assignments("?scope.system=all&user.id=" + demoUser, admin);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).at("/scope/system/all").asBoolean()).isTrue();
        assertThat(listed.get(0).at("/links/assignment").asText()).isEqualTo(cloud.v3() + grant);
        assertThat(status("DELETE", grant)).isEqualTo(204);
        assertThat(demoScopedTo(system).status()).isEqualTo(401);
        assertThat(status("DELETE", grant)).isEqualTo(404);
    }

    @Test
    void effectiveListExpandsImpliedRolesWithLinksToThePriorRoleGrant() {
        var rows = assignments("?user.id=" + adminUser + "&scope.project.id=" + adminProject + "&effective", admin);
        String adminRole = roleId("admin");
        String member = roleId("member");
        assertThat(rows).extracting(a -> a.at("/role/id").asText())
                .containsExactly(adminRole, member, roleId("reader"));
        String grant = cloud.v3() + "/projects/" + adminProject + "/users/" + adminUser + "/roles/";
        assertThat(rows.get(0).at("/links/assignment").asText()).isEqualTo(grant + adminRole);
        assertThat(rows.get(0).at("/links/prior_role").isMissingNode()).isTrue();
        assertThat(rows.get(1).at("/links/assignment").asText()).isEqualTo(grant + adminRole);
        assertThat(rows.get(1).at("/links/prior_role").asText())
                .isEqualTo(cloud.v3() + "/prior_role/" + member + "/implies/" + adminRole);
        assertThat(rows.get(2).at("/links/assignment").asText()).isEqualTo(grant + member);
        // Keystone leaves system grants out of the effective list
        assertThat(assignments("?user.id=" + adminUser + "&effective", admin))
                .noneMatch(a -> a.at("/scope/system").isObject());
    }

    @Test
    void includeNamesAddsNamesToEveryReference() {
        var all = assignments("?include_names", admin);
        JsonNode demo = all.stream().filter(a -> a.at("/user/id").asText().equals(demoUser)).findFirst().orElseThrow();
        assertThat(demo.at("/user/name").asText()).isEqualTo("demo");
        assertThat(demo.at("/user/domain/id").asText()).isEqualTo("default");
        assertThat(demo.at("/user/domain/name").asText()).isEqualTo("Default");
        assertThat(demo.at("/role/name").asText()).isEqualTo("member");
        assertThat(demo.at("/scope/project/name").asText()).isEqualTo("demo");
        assertThat(demo.at("/scope/project/domain/name").asText()).isEqualTo("Default");
        JsonNode system = all.stream().filter(a -> a.at("/scope/system").isObject()).findFirst().orElseThrow();
        assertThat(system.at("/scope/system/all").asBoolean()).isTrue();
        assertThat(system.at("/user/name").asText()).isEqualTo("admin");
        assertThat(assignments("", admin).get(0).at("/user/name").isMissingNode()).isTrue();
        var body = cloud.get("/role_assignments?include_names", admin).json();
        assertThat(body.at("/links/self").asText()).isEqualTo(cloud.v3() + "/role_assignments?include_names");
    }

    @Test
    void unknownThingsAre404() {
        String member = roleId("member");
        String[][] cases = {
            {"/projects/nope/users/" + demoUser + "/roles/" + member, "Could not find project: nope."},
            {"/projects/" + demoProject + "/users/nope/roles/" + member, "Could not find user: nope."},
            {"/projects/" + demoProject + "/groups/nope/roles/" + member, "Could not find group: nope."},
            {"/projects/" + demoProject + "/users/" + demoUser + "/roles/nope", "Could not find role: nope."},
            {"/domains/nope/users/" + demoUser + "/roles/" + member, "Could not find domain: nope."},
            {"/system/users/nope/roles/" + member, "Could not find user: nope."},
        };
        for (String[] c : cases) {
            var r = cloud.send("PUT", c[0], admin, null);
            assertThat(r.status()).as(c[0]).isEqualTo(404);
            assertThat(r.json().at("/error/message").asText()).isEqualTo(c[1]);
        }
        assertThat(cloud.get("/projects/nope/users/" + demoUser + "/roles", admin).status()).isEqualTo(404);
    }

    @Test
    void demoMayListItsOwnAssignmentsButNothingElse() {
        String demo = cloud.demoToken();
        var own = assignments("?user.id=" + demoUser, demo);
        assertThat(own).extracting(a -> a.at("/scope/project/id").asText()).containsExactly(demoProject);
        var all = cloud.get("/role_assignments", demo);
        assertThat(all.status()).isEqualTo(403);
        assertThat(all.json().at("/error/message").asText()).contains("identity:list_role_assignments");
        assertThat(cloud.get("/role_assignments?user.id=" + adminUser, demo).status()).isEqualTo(403);
        var grant = cloud.send("PUT", "/projects/" + adminProject + "/users/" + demoUser + "/roles/" + roleId("admin"),
                demo, null);
        assertThat(grant.status()).isEqualTo(403);
        assertThat(grant.json().at("/error/message").asText()).contains("identity:create_grant");
        assertThat(cloud.get("/projects/" + demoProject + "/users/" + demoUser + "/roles", demo).status()).isEqualTo(403);
    }

    @Test
    void contradictoryFiltersAre400() {
        assertThat(cloud.get("/role_assignments?user.id=a&group.id=b", admin).json().at("/error/message").asText())
                .isEqualTo("Specify a user or group, not both");
        assertThat(cloud.get("/role_assignments?group.id=b&effective", admin).status()).isEqualTo(400);
        assertThat(cloud.get("/role_assignments?include_subtree=true", admin).status()).isEqualTo(400);
        assertThat(cloud.get("/role_assignments?scope.project.id=a&scope.domain.id=b", admin).status()).isEqualTo(400);
        assertThat(cloud.get("/role_assignments?scope.project.id=nope&effective", admin).status()).isEqualTo(404);
    }
}
