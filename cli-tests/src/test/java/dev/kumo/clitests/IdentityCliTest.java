package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The identity part of the source documents' workflow, driven by Debian's real {@code openstack} CLI. */
@Tag("cli")
class IdentityCliTest {
    static TestCloud cloud;
    static OpenStackCli admin;
    static OpenStackCli demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_admin"));
        demo = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_demo"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void tokenIssueAndRevoke() {
        var token = demo.json("token", "issue");
        String id = token.get("id").asText();
        assertThat(token.get("project_id").asText()).isNotBlank();
        assertThat(cloud.send("HEAD", "/auth/tokens", cloud.adminToken(), null, "X-Subject-Token", id).status()).isEqualTo(200);
        admin.run("token", "revoke", id).ok();
        assertThat(cloud.send("HEAD", "/auth/tokens", cloud.adminToken(), null, "X-Subject-Token", id).status()).isEqualTo(404);
    }

    @Test
    void catalogListShowsIdentity() {
        var catalog = admin.json("catalog", "list");
        assertThat(catalog.findValuesAsText("Type")).contains("identity");
        assertThat(catalog.toString()).contains(cloud.baseUrl() + "/identity/v3");
    }

    @Test
    void projectCreateListShowDelete() {
        var created = admin.json("project", "create", "--description", "from the CLI", "cli-project");
        assertThat(created.get("name").asText()).isEqualTo("cli-project");
        assertThat(admin.json("project", "list").findValuesAsText("Name")).contains("admin", "demo", "service", "cli-project");
        assertThat(admin.json("project", "show", "cli-project").get("description").asText()).isEqualTo("from the CLI");
        admin.run("project", "delete", "cli-project").ok();
        assertThat(admin.run("project", "show", "cli-project").failed().stderr()).contains("cli-project");
    }

    @Test
    void userCreateSetPasswordRoleAddAndDelete() {
        admin.json("user", "create", "--password", "first-pass", "--project", "demo", "cli-user");
        admin.run("role", "add", "--project", "demo", "--user", "cli-user", "member").ok();
        admin.run("user", "set", "--password", "second-pass", "cli-user").ok();
        OpenStackCli asUser = demo.with(Map.of("OS_USERNAME", "cli-user", "OS_PASSWORD", "second-pass"));
        assertThat(asUser.json("token", "issue").get("project_id").asText()).isNotBlank();
        assertThat(demo.with(Map.of("OS_USERNAME", "cli-user", "OS_PASSWORD", "first-pass"))
                .run("token", "issue").failed().stderr()).contains("401");
        var assignments = admin.json("role", "assignment", "list", "--names", "--project", "demo");
        assertThat(assignments.toString()).contains("cli-user@Default").contains("member");
        admin.run("role", "remove", "--project", "demo", "--user", "cli-user", "member").ok();
        assertThat(admin.json("role", "assignment", "list", "--names", "--project", "demo").toString()).doesNotContain("cli-user");
        admin.run("user", "delete", "cli-user").ok();
        assertThat(asUser.run("token", "issue").failed().stderr()).contains("401");
    }

    @Test
    void applicationCredentialAuthenticates() {
        var cred = demo.json("application", "credential", "create", "cli-app");
        String id = cred.get("id").asText();
        String secret = cred.get("secret").asText();
        assertThat(secret).isNotBlank();
        OpenStackCli asApp = demo.without("OS_USERNAME", "OS_PASSWORD", "OS_PROJECT_NAME", "OS_USER_DOMAIN_NAME",
                "OS_PROJECT_DOMAIN_NAME").with(Map.of("OS_AUTH_TYPE", "v3applicationcredential",
                "OS_APPLICATION_CREDENTIAL_ID", id, "OS_APPLICATION_CREDENTIAL_SECRET", secret));
        assertThat(asApp.json("token", "issue").get("user_id").asText()).isEqualTo(demo.json("token", "issue").get("user_id").asText());
        demo.run("application", "credential", "delete", "cli-app").ok();
        assertThat(asApp.run("token", "issue").failed().stderr()).contains("401");
    }

    @Test
    void demoIsDeniedAdminOperations() {
        assertThat(demo.run("user", "list").failed().stderr())
                .contains("You are not authorized to perform the requested action: identity:list_users")
                .contains("HTTP 403");
        assertThat(demo.run("project", "create", "sneaky").failed().stderr()).contains("HTTP 403");
    }

    @Test
    void restartKeepsTokensUsersAndProjects() {
        admin.json("project", "create", "durable-project");
        admin.json("user", "create", "--password", "durable-pass", "durable-user");
        String token = cloud.adminToken();
        cloud.restart();
        assertThat(cloud.send("HEAD", "/auth/tokens", token, null, "X-Subject-Token", token).status()).isEqualTo(200);
        assertThat(admin.json("project", "show", "durable-project").get("name").asText()).isEqualTo("durable-project");
        assertThat(admin.json("user", "show", "durable-user").get("name").asText()).isEqualTo("durable-user");
    }
}
