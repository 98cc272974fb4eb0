package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v3/roles}, implied roles and {@code /v3/role_inferences}, as tempest and the openstack CLI use them. */
class RolesApiTest {
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

    static JsonNode createRole(String name, String domainId) {
        var role = Json.object();
        role.putObject("role").put("name", name).put("domain_id", domainId);
        var r = cloud.post("/roles", admin, role.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("role");
    }

    static String roleId(String name) {
        return cloud.get("/roles?name=" + name, admin).json().at("/roles/0/id").asText();
    }

    @Test
    void createShowListUpdateDelete() {
        var r = cloud.post("/roles", admin, "{\"role\": {\"name\": \"auditor\", \"description\": \"reads\", \"tier\": 2}}");
        assertThat(r.status()).isEqualTo(201);
        JsonNode role = r.json().get("role");
        String id = role.get("id").asText();
        assertThat(role.get("name").asText()).isEqualTo("auditor");
        assertThat(role.get("domain_id").isNull()).isTrue();
        assertThat(role.get("description").asText()).isEqualTo("reads");
        assertThat(role.get("options").toString()).isEqualTo("{}");
        assertThat(role.get("tier").asInt()).isEqualTo(2);
        assertThat(role.at("/links/self").asText()).isEqualTo(cloud.v3() + "/roles/" + id);

        assertThat(cloud.get("/roles/" + id, admin).json().get("role")).isEqualTo(role);
        var list = cloud.get("/roles", admin).json();
        assertThat(list.get("roles")).contains(role);
        assertThat(list.at("/links/self").asText()).isEqualTo(cloud.v3() + "/roles");
        assertThat(cloud.get("/roles?name=auditor", admin).json().get("roles")).containsExactly(role);

        var patched = cloud.send("PATCH", "/roles/" + id, admin, "{\"role\": {\"name\": \"inspector\"}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().at("/role/name").asText()).isEqualTo("inspector");
        assertThat(patched.json().at("/role/description").asText()).isEqualTo("reads");

        assertThat(cloud.send("DELETE", "/roles/" + id, admin, null).status()).isEqualTo(204);
        var gone = cloud.get("/roles/" + id, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/message").asText()).isEqualTo("Could not find role: " + id + ".");
        assertThat(cloud.send("DELETE", "/roles/" + id, admin, null).status()).isEqualTo(404);
    }

    @Test
    void duplicateNamesConflictButDomainRolesHaveTheirOwnNamespace() {
        var r = cloud.post("/roles", admin, "{\"role\": {\"name\": \"member\"}}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/error/message").asText())
                .isEqualTo("Conflict occurred attempting to store role - Duplicate entry found with name member.");
        JsonNode local = createRole("member", "default");
        assertThat(local.get("domain_id").asText()).isEqualTo("default");
        var domainRoles = cloud.get("/roles?domain_id=default", admin).json().get("roles");
        assertThat(domainRoles).contains(local);
        assertThat(domainRoles.findValuesAsText("domain_id")).containsOnly("default");
        assertThat(cloud.get("/roles", admin).json().get("roles").findValuesAsText("id")).doesNotContain(local.get("id").asText());
        assertThat(cloud.send("PATCH", "/roles/" + local.get("id").asText(), admin,
                "{\"role\": {\"domain_id\": null, \"name\": \"member\"}}").status()).isEqualTo(200);
        var move = cloud.send("PATCH", "/roles/" + local.get("id").asText(), admin, "{\"role\": {\"domain_id\": \"x\"}}");
        assertThat(move.status()).isEqualTo(400);
        assertThat(cloud.post("/roles", admin, "{\"role\": {}}").status()).isEqualTo(400);
    }

    @Test
    void bootstrapRolesAreImmutable() {
        String adminRole = roleId("admin");
        assertThat(cloud.get("/roles/" + adminRole, admin).json().at("/role/options/immutable").asBoolean()).isTrue();
        var r = cloud.send("DELETE", "/roles/" + adminRole, admin, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/error/message").asText()).contains("Unable to delete immutable role resource");
        assertThat(cloud.send("PATCH", "/roles/" + adminRole, admin, "{\"role\": {\"name\": \"boss\"}}").status())
                .isEqualTo(403);
    }

    @Test
    void demoMayNeitherReadNorWriteRoles() {
        String demo = cloud.demoToken();
        var list = cloud.get("/roles", demo);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.json().at("/error/message").asText()).contains("identity:list_roles");
        assertThat(cloud.post("/roles", demo, "{\"role\": {\"name\": \"sneaky\"}}").status()).isEqualTo(403);
        assertThat(cloud.get("/role_inferences", demo).status()).isEqualTo(403);
        assertThat(cloud.get("/roles", null).status()).isEqualTo(401);
    }

    @Test
    void impliedRoleCreateShowCheckListDelete() {
        String prior = createRole("prior-a", null).get("id").asText();
        String implied = createRole("implied-a", null).get("id").asText();
        String path = "/roles/" + prior + "/implies/" + implied;

        var created = cloud.send("PUT", path, admin, null);
        assertThat(created.status()).isEqualTo(201);
        JsonNode inference = created.json().get("role_inference");
        assertThat(inference.at("/prior_role/id").asText()).isEqualTo(prior);
        assertThat(inference.at("/prior_role/name").asText()).isEqualTo("prior-a");
        assertThat(inference.at("/prior_role/links/self").asText()).isEqualTo(cloud.v3() + "/roles/" + prior);
        assertThat(inference.at("/implies/id").asText()).isEqualTo(implied);
        assertThat(created.json().at("/links/self").asText()).isEqualTo(cloud.v3() + path);
        assertThat(cloud.send("PUT", path, admin, null).status()).isEqualTo(409);

        assertThat(cloud.get(path, admin).json()).isEqualTo(created.json());
        assertThat(cloud.send("HEAD", path, admin, null).status()).isEqualTo(204);
        var forPrior = cloud.get("/roles/" + prior + "/implies", admin).json();
        assertThat(forPrior.at("/role_inference/implies").findValuesAsText("id")).containsExactly(implied);
        var all = cloud.get("/role_inferences", admin).json().get("role_inferences");
        assertThat(all.findValues("prior_role").stream().map(p -> p.get("name").asText())).contains("admin", "member", "prior-a");

        assertThat(cloud.send("DELETE", path, admin, null).status()).isEqualTo(204);
        var gone = cloud.get(path, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/message").asText()).isEqualTo(prior + " does not imply " + implied + ".");
        assertThat(cloud.send("HEAD", path, admin, null).status()).isEqualTo(404);
        assertThat(cloud.send("PUT", "/roles/" + prior + "/implies/nope", admin, null).status()).isEqualTo(404);
    }

    @Test
    void impliedRuleRestrictions() {
        String global = createRole("global-b", null).get("id").asText();
        String local = createRole("local-b", "default").get("id").asText();
        assertThat(cloud.send("PUT", "/roles/" + local + "/implies/" + global, admin, null).status()).isEqualTo(201);
        var down = cloud.send("PUT", "/roles/" + global + "/implies/" + local, admin, null);
        assertThat(down.status()).isEqualTo(403);
        assertThat(down.json().at("/error/message").asText()).contains("global role cannot imply a domain-specific role");
        assertThat(cloud.send("PUT", "/roles/" + global + "/implies/" + roleId("admin"), admin, null).status()).isEqualTo(403);
        var cycle = cloud.send("PUT", "/roles/" + roleId("reader") + "/implies/" + roleId("admin"), admin, null);
        assertThat(cycle.status()).isEqualTo(403);
        var selfCycle = cloud.send("PUT", "/roles/" + global + "/implies/" + global, admin, null);
        assertThat(selfCycle.json().at("/error/message").asText()).contains("cannot imply itself");
    }

    @Test
    void deletingARoleRemovesItsRulesAndGrants() {
        String doomed = createRole("doomed", null).get("id").asText();
        assertThat(cloud.send("PUT", "/roles/" + doomed + "/implies/" + roleId("reader"), admin, null).status()).isEqualTo(201);
        String demoProject = cloud.get("/projects?name=demo", admin).json().at("/projects/0/id").asText();
        String demoUser = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/user/id").asText();
        assertThat(cloud.send("PUT", "/projects/" + demoProject + "/users/" + demoUser + "/roles/" + doomed, admin, null)
                .status()).isEqualTo(204);
        assertThat(cloud.send("DELETE", "/roles/" + doomed, admin, null).status()).isEqualTo(204);
        assertThat(cloud.get("/role_inferences", admin).json().findValuesAsText("id")).doesNotContain(doomed);
        assertThat(cloud.get("/role_assignments?role.id=" + doomed, admin).json().get("role_assignments")).isEmpty();
    }

    @Test
    void impliedAndDomainRolesInTokens() {
        String deploy = createRole("deployer", null).get("id").asText();
        String ops = createRole("operator", null).get("id").asText();
        String local = createRole("local-c", "default").get("id").asText();
        cloud.send("PUT", "/roles/" + deploy + "/implies/" + ops, admin, null);
        cloud.send("PUT", "/roles/" + local + "/implies/" + deploy, admin, null);
        String demoProject = cloud.get("/projects?name=demo", admin).json().at("/projects/0/id").asText();
        String demoUser = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/user/id").asText();
        var grant = cloud.send("PUT", "/projects/" + demoProject + "/users/" + demoUser + "/roles/" + local, admin, null);
        assertThat(grant.status()).isEqualTo(204);

        var token = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().get("token");
        // the domain role implies deployer, which implies operator; the domain role itself never shows
        assertThat(token.get("roles").findValuesAsText("name"))
                .containsExactlyInAnyOrder("member", "reader", "deployer", "operator");
        cloud.send("DELETE", "/projects/" + demoProject + "/users/" + demoUser + "/roles/" + local, admin, null);
    }
}
