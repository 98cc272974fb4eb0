package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Glance v2 image records: discovery, schemas, create/show/list/update/delete, tags, actions, fault formats. */
class ImagesApiTest {
    static TestCloud cloud;
    static ImageClient glance;
    static String admin;
    static String demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        glance = new ImageClient(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void versionDiscoveryListsV2WithV216Current() {
        var root = glance.get("", null);
        assertThat(root.status()).isEqualTo(300);
        var versions = glance.get("/versions", null);
        assertThat(versions.status()).isEqualTo(200);
        JsonNode first = versions.json().at("/versions/0");
        assertThat(first.get("id").asText()).isEqualTo("v2.16");
        assertThat(first.get("status").asText()).isEqualTo("CURRENT");
        assertThat(first.at("/links/0/href").asText()).isEqualTo(cloud.baseUrl() + "/image/v2/");
        assertThat(versions.json().get("versions")).extracting(v -> v.get("id").asText()).contains("v2.0", "v2.9");
    }

    @Test
    void catalogPublishesGlanceAtImage() {
        var token = cloud.issue("admin", TestCloud.ADMIN_PASSWORD, "admin").json();
        var image = new ArrayList<JsonNode>();
        token.at("/token/catalog").forEach(s -> {
            if (s.get("type").asText().equals("image")) {
                image.add(s);
            }
        });
        assertThat(image).hasSize(1);
        assertThat(image.getFirst().get("name").asText()).isEqualTo("glance");
        assertThat(image.getFirst().at("/endpoints/0/url").asText()).isEqualTo(cloud.baseUrl() + "/image");
    }

    @Test
    void schemasAreGlancesDocuments() {
        JsonNode image = glance.get("/v2/schemas/image", demo).json();
        assertThat(image.get("name").asText()).isEqualTo("image");
        assertThat(image.at("/additionalProperties/type").asText()).isEqualTo("string");
        assertThat(image.at("/properties/status/readOnly").asBoolean()).isTrue();
        assertThat(image.at("/properties/disk_format/enum")).extracting(JsonNode::asText).contains("qcow2", "raw", "iso");
        assertThat(image.at("/properties/os_distro/is_base").asBoolean(true)).isFalse();
        assertThat(image.get("links")).extracting(l -> l.get("rel").asText()).containsExactly("self", "enclosure", "describedby");
        JsonNode images = glance.get("/v2/schemas/images", demo).json();
        assertThat(images.at("/properties/images/items")).isEqualTo(image);
        assertThat(glance.get("/v2/schemas/member", demo).json().at("/properties/status/enum"))
                .extracting(JsonNode::asText).containsExactly("pending", "accepted", "rejected");
        assertThat(glance.get("/v2/schemas/members", demo).json().at("/properties/members/type").asText()).isEqualTo("array");
        assertThat(glance.get("/v2/schemas/image", null).status()).isEqualTo(401);
    }

    @Test
    void infoDocuments() {
        assertThat(glance.get("/v2/info/import", demo).json().at("/import-methods/value/0").asText()).isEqualTo("glance-direct");
        assertThat(glance.get("/v2/info/stores", demo).json().at("/stores/0/default").asBoolean()).isTrue();
    }

    @Test
    void createWithEveryFieldThenShow() {
        String kernel = glance.createId(admin, "{\"name\": \"k\", \"disk_format\": \"aki\", \"container_format\": \"aki\"}");
        var r = glance.send("POST", "/v2/images", demo, """
                {"name": "ubuntu", "disk_format": "qcow2", "container_format": "bare", "visibility": "private",
                 "min_disk": 2, "min_ram": 512, "protected": false, "tags": ["lts", "x86"], "os_distro": "ubuntu",
                 "hw_disk_bus": "virtio", "kernel_id": "%s", "ramdisk_id": null}""".formatted(kernel));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode created = r.json();
        String id = created.get("id").asText();
        assertThat(r.headers().firstValue("Location")).hasValue("/v2/images/" + id);
        assertThat(created.get("status").asText()).isEqualTo("queued");
        assertThat(created.get("visibility").asText()).isEqualTo("private");
        assertThat(created.get("min_ram").asInt()).isEqualTo(512);
        assertThat(created.get("min_disk").asInt()).isEqualTo(2);
        assertThat(created.get("size").isNull()).isTrue();
        assertThat(created.get("checksum").isNull()).isTrue();
        assertThat(created.get("os_hash_algo").isNull()).isTrue();
        assertThat(created.get("os_distro").asText()).isEqualTo("ubuntu");
        assertThat(created.get("kernel_id").asText()).isEqualTo(kernel);
        assertThat(created.get("ramdisk_id").isNull()).isTrue();
        assertThat(created.get("tags")).extracting(JsonNode::asText).containsExactlyInAnyOrder("lts", "x86");
        assertThat(created.get("self").asText()).isEqualTo("/v2/images/" + id);
        assertThat(created.get("file").asText()).isEqualTo("/v2/images/" + id + "/file");
        assertThat(created.get("schema").asText()).isEqualTo("/v2/schemas/image");
        assertThat(created.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(glance.get("/v2/images/" + id, demo).json()).isEqualTo(created);
    }

    @Test
    void defaultsAreSharedVisibilityAndTheCallersProject() {
        JsonNode image = glance.create(demo, "{\"name\": \"plain\"}");
        assertThat(image.get("visibility").asText()).isEqualTo("shared");
        assertThat(image.get("disk_format").isNull()).isTrue();
        assertThat(image.get("protected").asBoolean()).isFalse();
        assertThat(image.get("os_hidden").asBoolean()).isFalse();
        String demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        assertThat(image.get("owner").asText()).isEqualTo(demoProject);
    }

    @Test
    void createValidationFollowsGlancesSchema() {
        assertThat(glance.send("POST", "/v2/images", demo, "{\"disk_format\": \"floppy\"}").status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"container_format\": \"zip\"}").status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"min_ram\": \"lots\"}").status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"visibility\": \"everyone\"}").status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"name\": \"" + "n".repeat(256) + "\"}").status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"custom\": 5}").status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"id\": \"not-a-uuid\"}").status()).isEqualTo(400);
        assertThat(glance.send("POST", "/v2/images", demo, "not json").status()).isEqualTo(400);
        var readOnly = glance.send("POST", "/v2/images", demo, "{\"status\": \"active\"}", "Accept", "application/json");
        assertThat(readOnly.status()).isEqualTo(403);
        assertThat(readOnly.json().get("message").asText()).startsWith("Attribute 'status' is read-only.");
        assertThat(glance.send("POST", "/v2/images", demo, "{\"self\": \"x\"}").status()).isEqualTo(403);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"deleted\": \"x\"}").status()).isEqualTo(403);
        assertThat(glance.send("POST", "/v2/images", demo, "{\"os_glance_importing_to_stores\": \"x\"}").status()).isEqualTo(403);
    }

    @Test
    void givenIdIsKeptAndMayNotBeReused() {
        String id = "6a1e4cc5-0b3a-4bb5-9d44-8a5a7a5a1e01";
        assertThat(glance.createId(demo, "{\"id\": \"" + id + "\"}")).isEqualTo(id);
        var again = glance.send("POST", "/v2/images", demo, "{\"id\": \"" + id + "\"}");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void onlyAdminsPublish() {
        var r = glance.send("POST", "/v2/images", demo, "{\"name\": \"mine\", \"visibility\": \"public\"}",
                "Accept", "application/json");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("message").asText()).contains("publicize_image");
        String id = glance.createId(demo, "{\"name\": \"mine\"}");
        assertThat(glance.patch(id, demo, "[{\"op\": \"replace\", \"path\": \"/visibility\", \"value\": \"public\"}]")
                .status()).isEqualTo(403);
        assertThat(glance.patch(id, demo, "[{\"op\": \"replace\", \"path\": \"/visibility\", \"value\": \"community\"}]")
                .status()).isEqualTo(200);
        assertThat(glance.create(admin, "{\"visibility\": \"public\"}").get("visibility").asText()).isEqualTo("public");
    }

    @Test
    void jsonPatchAddReplaceRemove() {
        String id = glance.createId(demo, "{\"name\": \"before\", \"disk_format\": \"raw\", \"os_distro\": \"debian\"}");
        var r = glance.patch(id, demo, """
                [{"op": "replace", "path": "/name", "value": "after"},
                 {"op": "add", "path": "/hw_scsi_model", "value": "virtio-scsi"},
                 {"op": "add", "path": "/os_distro", "value": "ubuntu"},
                 {"op": "replace", "path": "/min_ram", "value": 1024},
                 {"op": "replace", "path": "/protected", "value": true},
                 {"op": "replace", "path": "/tags", "value": ["a", "b"]},
                 {"op": "remove", "path": "/os_distro"}]""");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode image = r.json();
        assertThat(image.get("name").asText()).isEqualTo("after");
        assertThat(image.get("hw_scsi_model").asText()).isEqualTo("virtio-scsi");
        assertThat(image.has("os_distro")).isFalse();
        assertThat(image.get("min_ram").asInt()).isEqualTo(1024);
        assertThat(image.get("protected").asBoolean()).isTrue();
        assertThat(image.get("tags")).extracting(JsonNode::asText).containsExactlyInAnyOrder("a", "b");
        assertThat(glance.get("/v2/images/" + id, demo).json()).isEqualTo(image);
    }

    @Test
    void jsonPatchErrorsAreGlances() {
        String id = glance.createId(demo, "{\"name\": \"p\"}");
        assertThat(glance.patch(id, demo, "[{\"op\": \"replace\", \"path\": \"/status\", \"value\": \"active\"}]")
                .status()).isEqualTo(403);
        assertThat(glance.patch(id, demo, "[{\"op\": \"add\", \"path\": \"/checksum\", \"value\": \"x\"}]")
                .status()).isEqualTo(403);
        assertThat(glance.patch(id, demo, "[{\"op\": \"replace\", \"path\": \"/nothing\", \"value\": \"x\"}]")
                .status()).isEqualTo(409);
        assertThat(glance.patch(id, demo, "[{\"op\": \"remove\", \"path\": \"/nothing\"}]").status()).isEqualTo(409);
        assertThat(glance.patch(id, demo, "[{\"op\": \"remove\", \"path\": \"/name\"}]").status()).isEqualTo(403);
        assertThat(glance.patch(id, demo, "[{\"op\": \"move\", \"path\": \"/name\"}]").status()).isEqualTo(400);
        assertThat(glance.patch(id, demo, "[{\"op\": \"add\", \"path\": \"name\", \"value\": \"x\"}]").status()).isEqualTo(400);
        assertThat(glance.patch(id, demo, "[{\"op\": \"add\", \"path\": \"/a/b\", \"value\": \"x\"}]").status()).isEqualTo(400);
        assertThat(glance.patch(id, demo, "[{\"op\": \"add\", \"path\": \"/name\"}]").status()).isEqualTo(400);
        assertThat(glance.patch(id, demo, "{\"op\": \"add\"}").status()).isEqualTo(400);
        assertThat(glance.patch(id, demo, "[{\"op\": \"replace\", \"path\": \"/min_ram\", \"value\": \"big\"}]")
                .status()).isEqualTo(400);
        assertThat(glance.patch(id, demo, "[{\"op\": \"replace\", \"path\": \"/owner\", \"value\": \"x\"}]")
                .status()).isEqualTo(403);
        var wrongType = glance.withType("PATCH", "/v2/images/" + id, demo, "[]", "application/json");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.headers().firstValue("Accept-Patch").orElseThrow())
                .contains("application/openstack-images-v2.1-json-patch");
    }

    @Test
    void tagsSubresource() {
        String id = glance.createId(demo, "{\"name\": \"tagged\"}");
        assertThat(glance.send("PUT", "/v2/images/" + id + "/tags/blue", demo, null).status()).isEqualTo(204);
        assertThat(glance.send("PUT", "/v2/images/" + id + "/tags/blue", demo, null).status()).isEqualTo(204);
        assertThat(glance.get("/v2/images/" + id, demo).json().get("tags")).extracting(JsonNode::asText).containsExactly("blue");
        assertThat(glance.send("DELETE", "/v2/images/" + id + "/tags/blue", demo, null).status()).isEqualTo(204);
        assertThat(glance.send("DELETE", "/v2/images/" + id + "/tags/blue", demo, null).status()).isEqualTo(404);
    }

    @Test
    void protectedImagesCannotBeDeleted() {
        String id = glance.createId(demo, "{\"name\": \"keep\", \"protected\": true}");
        var refused = glance.send("DELETE", "/v2/images/" + id, demo, null, "Accept", "application/json");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).startsWith("Image " + id + " is protected and cannot be deleted.");
        glance.patch(id, demo, "[{\"op\": \"replace\", \"path\": \"/protected\", \"value\": false}]");
        assertThat(glance.send("DELETE", "/v2/images/" + id, demo, null).status()).isEqualTo(204);
        assertThat(glance.get("/v2/images/" + id, demo).status()).isEqualTo(404);
        assertThat(glance.send("DELETE", "/v2/images/" + id, demo, null).status()).isEqualTo(404);
    }

    @Test
    void faultsLookLikeWebobsForEachAcceptHeader() {
        String path = "/v2/images/00000000-0000-0000-0000-000000000000";
        var json = glance.send("GET", path, demo, null, "Accept", "application/json");
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.json().get("code").asText()).isEqualTo("404 Not Found");
        assertThat(json.json().get("title").asText()).isEqualTo("Not Found");
        assertThat(json.json().get("message").asText())
                .isEqualTo("No image found with ID 00000000-0000-0000-0000-000000000000<br /><br />\n\n\n");
        var html = glance.send("GET", path, demo, null, "Accept", "*/*");
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.body()).startsWith("<html>\n <head>\n  <title>404 Not Found</title>")
                .contains("<h1>404 Not Found</h1>\n  No image found with ID 00000000-0000-0000-0000-000000000000<br />");
        var plain = glance.send("GET", path, demo, null, "Accept", "text/plain");
        assertThat(plain.body()).startsWith("404 Not Found\n\nNo image found with ID");
        var unauthenticated = glance.get("/v2/images", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().at("/error/code").asInt()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void deactivateAndReactivateByOwnerOrAdmin() {
        String id = glance.createId(demo, "{\"name\": \"d\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        var queued = glance.send("POST", "/v2/images/" + id + "/actions/deactivate", demo, null, "Accept", "application/json");
        assertThat(queued.status()).isEqualTo(403);
        assertThat(queued.json().get("message").asText()).startsWith("Not allowed to deactivate image in status 'queued'");
        glance.upload(id, demo, ImageFiles.random(1000, 1));
        String adminsImage = glance.createId(admin, "{\"visibility\": \"public\", \"disk_format\": \"raw\", "
                + "\"container_format\": \"bare\"}");
        glance.upload(adminsImage, admin, ImageFiles.random(10, 2));
        assertThat(glance.send("POST", "/v2/images/" + adminsImage + "/actions/deactivate", demo, null).status())
                .isEqualTo(403);
        assertThat(glance.send("POST", "/v2/images/" + id + "/actions/deactivate", demo, null).status()).isEqualTo(204);
        assertThat(glance.status(id, demo)).isEqualTo("deactivated");
        // nobody but an admin downloads a deactivated image, not even its owner
        assertThat(glance.download(id, demo).statusCode()).isEqualTo(403);
        assertThat(glance.download(id, admin).statusCode()).isEqualTo(200);
        assertThat(glance.send("POST", "/v2/images/" + id + "/actions/deactivate", admin, null).status()).isEqualTo(204);
        assertThat(glance.send("POST", "/v2/images/" + id + "/actions/reactivate", demo, null).status()).isEqualTo(204);
        assertThat(glance.status(id, demo)).isEqualTo("active");
        assertThat(glance.download(id, demo).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyImageIdAndUnknownPathsAreGlance404s() {
        assertThat(glance.get("/v2/images/", demo).status()).isEqualTo(404);
        var unknown = glance.send("GET", "/v2/metadefs/namespaces", demo, null, "Accept", "application/json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("404 Not Found");
    }

    @Test
    void listFiltersSortsAndPages() {
        String a = glance.createId(admin, "{\"name\": \"list-a\", \"disk_format\": \"raw\", \"tags\": [\"pager\"], \"os_distro\": \"arch\"}");
        String b = glance.createId(admin, "{\"name\": \"list-b\", \"disk_format\": \"qcow2\", \"tags\": [\"pager\"]}");
        String c = glance.createId(admin, "{\"name\": \"list-c\", \"disk_format\": \"qcow2\", \"tags\": [\"pager\"], \"os_hidden\": true}");
        assertThat(names(glance.get("/v2/images?tag=pager&sort_key=name&sort_dir=asc", admin).json()))
                .containsExactly("list-a", "list-b");
        assertThat(names(glance.get("/v2/images?tag=pager&sort=name:desc", admin).json()))
                .containsExactly("list-b", "list-a");
        assertThat(names(glance.get("/v2/images?tag=pager&os_hidden=true", admin).json())).containsExactly("list-c");
        assertThat(names(glance.get("/v2/images?tag=pager&disk_format=raw", admin).json())).containsExactly("list-a");
        assertThat(names(glance.get("/v2/images?os_distro=arch", admin).json())).containsExactly("list-a");
        assertThat(names(glance.get("/v2/images?id=in:" + a + "," + c + "&os_hidden=true", admin).json()))
                .containsExactly("list-c");
        assertThat(names(glance.get("/v2/images?name=list-b", admin).json())).containsExactly("list-b");
        assertThat(names(glance.get("/v2/images?name=in:list-a,%22list-b%22&sort_key=name&sort_dir=asc", admin).json()))
                .containsExactly("list-a", "list-b");
        JsonNode page1 = glance.get("/v2/images?tag=pager&sort_key=name&sort_dir=asc&limit=1", admin).json();
        assertThat(names(page1)).containsExactly("list-a");
        assertThat(page1.get("first").asText()).startsWith("/v2/images?");
        String next = page1.get("next").asText();
        assertThat(next).contains("marker=" + a);
        JsonNode page2 = glance.get(next, admin).json();
        assertThat(names(page2)).containsExactly("list-b");
        JsonNode page3 = glance.get(page2.get("next").asText(), admin).json();
        assertThat(names(page3)).isEmpty();
        assertThat(page3.has("next")).isFalse();
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void listParameterErrors() {
        assertThat(glance.get("/v2/images?sort_key=owner", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?sort_dir=up", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?limit=-1", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?limit=x", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?visibility=everyone", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?member_status=maybe", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?marker=00000000-0000-0000-0000-000000000000", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?sort=name&sort_key=name", admin).status()).isEqualTo(400);
        assertThat(glance.get("/v2/images?os_hidden=maybe", admin).status()).isEqualTo(400);
    }

    static List<String> names(JsonNode list) {
        var names = new ArrayList<String>();
        list.get("images").forEach(i -> names.add(i.get("name").asText()));
        return names;
    }
}
