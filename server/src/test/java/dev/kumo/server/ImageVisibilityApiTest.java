package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who sees which image, across three projects: admin, demo, and a third project made through the identity API.
 * Private images are their owner's; shared ones also their members'; public and community ones everyone's
 * (community not in default lists); members are managed by the owner and accepted by the member.
 */
class ImageVisibilityApiTest {
    static TestCloud cloud;
    static ImageClient glance;
    static String admin;
    static String demo;
    static String third;
    static String demoProject;
    static String thirdProject;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        glance = new ImageClient(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
        demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        thirdProject = cloud.post("/projects", admin, "{\"project\": {\"name\": \"third\"}}").json().at("/project/id").asText();
        String user = cloud.post("/users", admin, "{\"user\": {\"name\": \"carol\", \"password\": \"carol-secret\"}}")
                .json().at("/user/id").asText();
        String member = cloud.get("/roles?name=member", admin).json().at("/roles/0/id").asText();
        assertThat(cloud.send("PUT", "/projects/" + thirdProject + "/users/" + user + "/roles/" + member, admin, null)
                .status()).isEqualTo(204);
        third = cloud.token("carol", "carol-secret", "third");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String image(String token, String name, String visibility) {
        return glance.createId(token, "{\"name\": \"" + name + "\", \"visibility\": \"" + visibility + "\"}");
    }

    private static List<String> listed(String token, String query) {
        var names = new ArrayList<String>();
        glance.get("/v2/images" + query, token).json().get("images").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }

    @Test
    void privateImagesAreInvisibleToOtherProjects() {
        String id = image(demo, "vis-private", "private");
        assertThat(glance.get("/v2/images/" + id, demo).status()).isEqualTo(200);
        assertThat(glance.get("/v2/images/" + id, third).status()).isEqualTo(404);
        assertThat(glance.get("/v2/images/" + id, admin).status()).isEqualTo(200);
        assertThat(listed(demo, "")).contains("vis-private");
        assertThat(listed(third, "")).doesNotContain("vis-private");
        assertThat(listed(admin, "")).contains("vis-private");
        assertThat(glance.patch(id, third, "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]").status())
                .isEqualTo(404);
        assertThat(glance.send("DELETE", "/v2/images/" + id, third, null).status()).isEqualTo(404);
        assertThat(glance.download(id, third).statusCode()).isEqualTo(404);
    }

    @Test
    void publicImagesAreVisibleToAllButChangedOnlyByTheirOwner() {
        String id = image(admin, "vis-public", "public");
        assertThat(glance.get("/v2/images/" + id, third).status()).isEqualTo(200);
        assertThat(listed(demo, "")).contains("vis-public");
        assertThat(listed(third, "?visibility=public")).contains("vis-public");
        assertThat(glance.patch(id, third, "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]").status())
                .isEqualTo(403);
        assertThat(glance.send("DELETE", "/v2/images/" + id, demo, null).status()).isEqualTo(403);
    }

    @Test
    void communityImagesAreVisibleButListedOnlyWhenAskedFor() {
        String id = image(demo, "vis-community", "community");
        assertThat(glance.get("/v2/images/" + id, third).status()).isEqualTo(200);
        assertThat(listed(third, "")).doesNotContain("vis-community");
        assertThat(listed(third, "?visibility=community")).contains("vis-community");
        assertThat(listed(third, "?visibility=all")).contains("vis-community");
        assertThat(listed(demo, "")).contains("vis-community");
    }

    @Test
    void sharedImagesAreSeenByMembersOnly() {
        String id = image(demo, "vis-shared", "shared");
        assertThat(glance.get("/v2/images/" + id, third).status()).isEqualTo(404);
        var add = glance.send("POST", "/v2/images/" + id + "/members", demo, "{\"member\": \"" + thirdProject + "\"}");
        assertThat(add.status()).as(add.toString()).isEqualTo(200);
        assertThat(add.json().get("status").asText()).isEqualTo("pending");
        assertThat(add.json().get("member_id").asText()).isEqualTo(thirdProject);
        assertThat(add.json().get("image_id").asText()).isEqualTo(id);
        assertThat(add.json().get("schema").asText()).isEqualTo("/v2/schemas/member");
        // pending: visible by id, not in the default list (which shows accepted memberships)
        assertThat(glance.get("/v2/images/" + id, third).status()).isEqualTo(200);
        assertThat(listed(third, "")).doesNotContain("vis-shared");
        assertThat(listed(third, "?member_status=pending")).contains("vis-shared");
        assertThat(listed(third, "?visibility=shared&member_status=all")).contains("vis-shared");
        var accept = glance.send("PUT", "/v2/images/" + id + "/members/" + thirdProject, third, "{\"status\": \"accepted\"}");
        assertThat(accept.status()).isEqualTo(200);
        assertThat(accept.json().get("status").asText()).isEqualTo("accepted");
        assertThat(listed(third, "")).contains("vis-shared");
        assertThat(glance.patch(id, third, "[{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"x\"}]").status())
                .isEqualTo(403);
        var reject = glance.send("PUT", "/v2/images/" + id + "/members/" + thirdProject, third, "{\"status\": \"rejected\"}");
        assertThat(reject.json().get("status").asText()).isEqualTo("rejected");
        assertThat(listed(third, "")).doesNotContain("vis-shared");
        assertThat(glance.get("/v2/images/" + id, third).status()).isEqualTo(200);
        assertThat(glance.send("DELETE", "/v2/images/" + id + "/members/" + thirdProject, demo, null).status())
                .isEqualTo(204);
        assertThat(glance.get("/v2/images/" + id, third).status()).isEqualTo(404);
    }

    @Test
    void memberRules() {
        String id = image(demo, "members", "shared");
        String base = "/v2/images/" + id + "/members";
        assertThat(glance.send("POST", base, demo, "{\"member\": \"" + thirdProject + "\"}").status()).isEqualTo(200);
        assertThat(glance.send("POST", base, demo, "{\"member\": \"" + thirdProject + "\"}").status()).isEqualTo(409);
        assertThat(glance.send("POST", base, demo, "{}").status()).isEqualTo(400);
        assertThat(glance.send("POST", base, demo, "{\"member\": \"\"}").status()).isEqualTo(400);
        // the member cannot add others, and the owner cannot accept for the member
        assertThat(glance.send("POST", base, third, "{\"member\": \"someone\"}").status()).isEqualTo(403);
        assertThat(glance.send("PUT", base + "/" + thirdProject, demo, "{\"status\": \"accepted\"}").status()).isEqualTo(403);
        assertThat(glance.send("PUT", base + "/" + thirdProject, third, "{\"status\": \"maybe\"}").status()).isEqualTo(400);
        assertThat(glance.send("POST", base, demo, "{\"member\": \"other-project\"}").status()).isEqualTo(200);
        JsonNode ownerView = glance.get(base, demo).json();
        assertThat(ownerView.get("members")).hasSize(2);
        assertThat(ownerView.get("schema").asText()).isEqualTo("/v2/schemas/members");
        assertThat(glance.get(base, third).json().get("members")).extracting(m -> m.get("member_id").asText())
                .containsExactly(thirdProject);
        assertThat(glance.get(base + "/" + thirdProject, third).status()).isEqualTo(200);
        assertThat(glance.get(base + "/other-project", third).status()).isEqualTo(404);
        assertThat(glance.send("DELETE", base + "/" + thirdProject, third, null).status()).isEqualTo(403);
        assertThat(glance.get(base, admin).json().get("members")).hasSize(2);
    }

    @Test
    void onlySharedImagesHaveMembers() {
        String id = image(demo, "private-no-members", "private");
        var r = glance.send("POST", "/v2/images/" + id + "/members", demo, "{\"member\": \"" + thirdProject + "\"}",
                "Accept", "application/json");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("message").asText()).contains("Only shared images have members.");
        String pub = image(admin, "public-no-members", "public");
        assertThat(glance.get("/v2/images/" + pub + "/members", admin).status()).isEqualTo(403);
    }

    @Test
    void ownerFilterAndAdminSeesEveryProject() {
        image(third, "thirds-own", "private");
        assertThat(listed(admin, "?owner=" + thirdProject)).containsExactly("thirds-own");
        assertThat(listed(demo, "?owner=" + thirdProject)).isEmpty();
        assertThat(glance.send("POST", "/v2/images", demo, "{\"owner\": \"" + thirdProject + "\"}").status())
                .isEqualTo(403);
        assertThat(glance.create(admin, "{\"name\": \"given-away\", \"owner\": \"" + demoProject + "\"}")
                .get("owner").asText()).isEqualTo(demoProject);
        assertThat(listed(demo, "?visibility=shared")).contains("given-away");
    }
}
