package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectsApiTest {
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

    private String create(String body) {
        var r = cloud.post("/projects", admin, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().at("/project/id").asText();
    }

    @Test
    void createShowListUpdateDelete() {
        String id = create("{\"project\": {\"name\": \"p1\", \"description\": \"d\", \"tags\": [\"a\", \"b\"], \"color\": \"blue\"}}");
        var shown = cloud.get("/projects/" + id, admin).json().get("project");
        assertThat(shown.get("parent_id").asText()).isEqualTo("default");
        assertThat(shown.get("domain_id").asText()).isEqualTo("default");
        assertThat(shown.get("is_domain").asBoolean()).isFalse();
        assertThat(shown.get("color").asText()).isEqualTo("blue");
        assertThat(shown.at("/links/self").asText()).endsWith("/identity/v3/projects/" + id);
        var listed = cloud.get("/projects?name=p1", admin).json().get("projects");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(shown);
        var updated = cloud.send("PATCH", "/projects/" + id, admin, "{\"project\": {\"enabled\": false, \"name\": \"p1b\"}}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().at("/project/enabled").asBoolean()).isFalse();
        assertThat(cloud.send("DELETE", "/projects/" + id, admin, null).status()).isEqualTo(204);
        var gone = cloud.get("/projects/" + id, admin);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().at("/error/message").asText()).isEqualTo("Could not find project: " + id + ".");
    }

    @Test
    void duplicateNameInDomainIs409() {
        create("{\"project\": {\"name\": \"dup\"}}");
        var r = cloud.post("/projects", admin, "{\"project\": {\"name\": \"dup\"}}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().at("/error/message").asText()).contains("same name in the same domain");
    }

    @Test
    void nameRulesAndTypes() {
        assertThat(cloud.post("/projects", admin, "{\"project\": {\"name\": \"\"}}").status()).isEqualTo(400);
        assertThat(cloud.post("/projects", admin, "{\"project\": {\"name\": \"" + "n".repeat(65) + "\"}}").status()).isEqualTo(400);
        assertThat(cloud.post("/projects", admin, "{\"project\": {\"name\": \"x\", \"enabled\": \"True\"}}").status()).isEqualTo(400);
        assertThat(cloud.post("/projects", admin, "{\"project\": {\"name\": \"x\", \"domain_id\": \"nope\"}}").status()).isEqualTo(404);
    }

    @Test
    void hierarchyParentMustBeLeafToDelete() {
        String parent = create("{\"project\": {\"name\": \"parent\"}}");
        String child = create("{\"project\": {\"name\": \"child\", \"parent_id\": \"" + parent + "\"}}");
        assertThat(cloud.get("/projects/" + child, admin).json().at("/project/parent_id").asText()).isEqualTo(parent);
        assertThat(cloud.get("/projects?parent_id=" + parent, admin).json().get("projects")).hasSize(1);
        var r = cloud.send("DELETE", "/projects/" + parent, admin, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/error/message").asText()).contains("not a leaf");
    }

    @Test
    void tagsSubresource() {
        String id = create("{\"project\": {\"name\": \"tagged\"}}");
        assertThat(cloud.send("PUT", "/projects/" + id + "/tags/t1", admin, null).status()).isEqualTo(201);
        assertThat(cloud.get("/projects/" + id + "/tags/t1", admin).status()).isEqualTo(204);
        assertThat(cloud.get("/projects?tags=t1", admin).json().get("projects")).hasSize(1);
        var replaced = cloud.send("PUT", "/projects/" + id + "/tags", admin, "{\"tags\": [\"x\", \"y\"]}");
        assertThat(replaced.json().get("tags").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(cloud.send("DELETE", "/projects/" + id + "/tags/x", admin, null).status()).isEqualTo(204);
        assertThat(cloud.get("/projects/" + id + "/tags/x", admin).status()).isEqualTo(404);
        assertThat(cloud.send("DELETE", "/projects/" + id + "/tags", admin, null).status()).isEqualTo(204);
        assertThat(cloud.get("/projects/" + id + "/tags", admin).json().get("tags")).isEmpty();
    }

    @Test
    void demoCannotCreateOrListButCanSeeItsOwnProject() {
        String demo = cloud.demoToken();
        assertThat(cloud.post("/projects", demo, "{\"project\": {\"name\": \"nope\"}}").status()).isEqualTo(403);
        assertThat(cloud.get("/projects", demo).status()).isEqualTo(403);
        String demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        assertThat(cloud.get("/projects/" + demoProject, demo).status()).isEqualTo(200);
    }
}
