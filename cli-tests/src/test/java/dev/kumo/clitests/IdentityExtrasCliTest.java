package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/** Credentials, EC2 key pairs, policies and endpoint groups through Debian's real {@code openstack} CLI. */
@Tag("cli")
class IdentityExtrasCliTest {
    static TestCloud cloud;
    static OpenStackCli admin;
    static OpenStackCli demo;

    @TempDir
    Path dir;

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
    void ec2CredentialsCreateListShowDelete() {
        JsonNode created = demo.json("ec2", "credentials", "create");
        String access = created.get("access").asText();
        assertThat(created.get("secret").asText()).isNotBlank();
        assertThat(demo.json("ec2", "credentials", "list").findValuesAsText("Access")).contains(access);
        assertThat(demo.json("ec2", "credentials", "show", access).get("secret").asText())
                .isEqualTo(created.get("secret").asText());
        demo.run("ec2", "credentials", "delete", access).ok();
        assertThat(demo.json("ec2", "credentials", "list").findValuesAsText("Access")).doesNotContain(access);
    }

    @Test
    void credentialCreateSetShowDelete() {
        JsonNode created = admin.json("credential", "create", "--type", "ec2", "--project", "demo", "demo",
                "{\"access\": \"cli-access\", \"secret\": \"cli-secret\"}");
        String id = created.get("id").asText();
        assertThat(id).hasSize(64);
        assertThat(admin.json("credential", "list", "--type", "ec2").findValuesAsText("ID")).contains(id);
        admin.run("credential", "set", "--type", "ec2", "--project", "demo", "--user", "demo",
                "--data", "{\"access\": \"cli-access\", \"secret\": \"rotated\"}", id).ok();
        assertThat(admin.json("credential", "show", id).get("blob").asText()).contains("rotated");
        admin.run("credential", "delete", id).ok();
        admin.run("credential", "show", id).failed();
        assertThat(cloud.get("/credentials/" + id, cloud.adminToken()).status()).isEqualTo(404);
    }

    @Test
    void policyCreateSetShowDelete() throws IOException {
        Path rules = Files.writeString(dir.resolve("policy.json"), "{\"identity:list_users\": \"role:admin\"}");
        String id = admin.json("policy", "create", "--type", "application/json", rules.toString()).get("id").asText();
        admin.run("policy", "set", "--type", "text/plain", id).ok();
        JsonNode shown = admin.json("policy", "show", id);
        assertThat(shown.get("type").asText()).isEqualTo("text/plain");
        assertThat(shown.get("rules").asText()).contains("identity:list_users");
        admin.run("policy", "delete", id).ok();
        assertThat(admin.json("policy", "list").findValuesAsText("ID")).doesNotContain(id);
    }

    @Test
    void endpointGroupCreateSetShowDelete() throws IOException {
        Path filters = Files.writeString(dir.resolve("filters.json"), "{\"interface\": \"public\"}");
        admin.json("endpoint", "group", "create", "--description", "public endpoints", "cli-group", filters.toString());
        admin.run("endpoint", "group", "set", "--name", "cli-group-2", "cli-group").ok();
        JsonNode shown = admin.json("endpoint", "group", "show", "cli-group-2");
        assertThat(shown.get("filters").toString()).contains("public");
        admin.run("endpoint", "group", "delete", "cli-group-2").ok();
        assertThat(admin.json("endpoint", "group", "list").findValuesAsText("Name")).doesNotContain("cli-group-2");
    }
}
