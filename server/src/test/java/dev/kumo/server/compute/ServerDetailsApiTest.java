package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server fields and checks tempest compares with Nova: access addresses, update's view, filters, negatives. */
class ServerDetailsApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String image;
    static String net;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        image = nova.image(demo, "details-image", 96, 0, 1024);
        net = nova.network(demo, "details-net", "10.7.0.0/24");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String request(String name, String extra) {
        return "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": [{\"uuid\": \"" + net + "\"}]" + extra + "}}";
    }

    private static String boot(String name, String extra) {
        var r = nova.post("/servers", demo, request(name, extra));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().at("/server/id").asText();
    }

    @Test
    void accessAddressesAreStoredCanonicalAndUpdated() throws Exception {
        String id = boot("access", ", \"accessIPv4\": \"1.1.1.1\", \"accessIPv6\": \"0000:0000:0000:0000:0000:babe:220.12.22.2\"");
        JsonNode s = nova.await(demo, id, "ACTIVE");
        assertThat(s.get("accessIPv4").asText()).isEqualTo("1.1.1.1");
        assertThat(s.get("accessIPv6").asText()).isEqualTo("::babe:dc0c:1602");
        var updated = nova.put("/servers/" + id, demo, "{\"server\": {\"accessIPv6\": \"2001:2001:0:0:0:0:0:3\"}}");
        assertThat(updated.json().at("/server/accessIPv6").asText()).as(updated.body()).isEqualTo("2001:2001::3");
        assertThat(updated.json().at("/server/accessIPv4").asText()).isEqualTo("1.1.1.1");
        Nova.fault(nova.post("/servers", demo, request("bad4", ", \"accessIPv4\": \"1.1.1.1.1.1\"")), 400, "badRequest");
        Nova.fault(nova.post("/servers", demo, request("bad6", ", \"accessIPv6\": \"notvalid\"")), 400, "badRequest");
    }

    @Test
    void updateAnswersWithNovasReducedViewBefore275() throws Exception {
        String id = boot("reduced", "");
        nova.await(demo, id, "ACTIVE");
        JsonNode old = nova.put("/servers/" + id, demo, "{\"server\": {\"name\": \"Íñstáñcé\"}}").json().get("server");
        assertThat(old.get("name").asText()).isEqualTo("Íñstáñcé");
        assertThat(old.has("OS-EXT-STS:vm_state")).isFalse();
        assertThat(old.has("key_name")).isFalse();
        var r = cloud.send("PUT", nova.url("/servers/" + id), demo, "{\"server\": {\"name\": \"x\"}}",
                "OpenStack-API-Version", "compute 2.75");
        assertThat(r.json().at("/server").has("OS-EXT-STS:vm_state")).as(r.body()).isTrue();
        assertThat(r.json().at("/server").has("server_groups")).isTrue();
        assertThat(nova.post("/servers/" + id + "/action", demo, "{\"os-stop\": null}").status()).isEqualTo(202);
        assertThat(nova.await(demo, id, "SHUTOFF").has("progress")).as("Nova shows progress only while it moves").isFalse();
    }

    @Test
    void createRejectsLongMetadataAndUnknownSecurityGroups() {
        var longValue = nova.post("/servers", demo, request("md", ", \"metadata\": {\"a\": \"" + "b".repeat(260) + "\"}"));
        Nova.fault(longValue, 400, "badRequest");
        var group = nova.post("/servers", demo, request("sg", ", \"security_groups\": [{\"name\": \"does_not_exist\"}]"));
        assertThat(Nova.fault(group, 400, "badRequest").get("message").asText()).contains("does_not_exist");
    }

    @Test
    void restoreOfALiveServerIsAConflictAndIpFiltersMatchFixedAddresses() throws Exception {
        String id = boot("filtered", "");
        JsonNode s = nova.await(demo, id, "ACTIVE");
        Nova.fault(nova.post("/servers/" + id + "/action", demo, "{\"restore\": null}"), 409, "conflictingRequest");
        String ip = s.at("/addresses/details-net/0/addr").asText();
        var found = nova.get("/servers?ip=" + encode(ip.replace(".", "\\.") + "$"), demo).json().get("servers");
        assertThat(found.findValuesAsText("id")).containsExactly(id);
        assertThat(nova.get("/servers?ip=" + encode("192\\.0\\.2\\."), demo).json().get("servers")).isEmpty();
    }

    private static String encode(String query) {
        return java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void removingTheLastSecurityGroupHidesTheList() throws Exception {
        String id = boot("groups", "");
        JsonNode s = nova.await(demo, id, "ACTIVE");
        assertThat(s.at("/security_groups/0/name").asText()).isEqualTo("default");
        var removed = nova.post("/servers/" + id + "/action", demo, "{\"removeSecurityGroup\": {\"name\": \"default\"}}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(202);
        assertThat(nova.get("/servers/" + id, demo).json().at("/server").has("security_groups")).isFalse();
        var ports = cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_id=" + id, demo).json().get("ports");
        assertThat(ports.get(0).get("security_groups")).isEmpty();
        Nova.fault(nova.post("/servers/" + id + "/action", demo, "{\"removeSecurityGroup\": {\"name\": \"default\"}}"),
                400, "badRequest");
        assertThat(nova.post("/servers/" + id + "/action", demo, "{\"addSecurityGroup\": {\"name\": \"default\"}}").status())
                .isEqualTo(202);
        assertThat(nova.get("/servers/" + id, demo).json().at("/server/security_groups/0/name").asText()).isEqualTo("default");
    }

    @Test
    void addressesByNetworkAndAdminListsAcrossProjects() throws Exception {
        String id = boot("by-network", "");
        nova.await(demo, id, "ACTIVE");
        var ips = nova.get("/servers/" + id + "/ips/details-net", demo);
        assertThat(ips.status()).as(ips.body()).isEqualTo(200);
        assertThat(ips.json().at("/details-net/0/addr").asText()).startsWith("10.7.0.");
        Nova.fault(nova.get("/servers/" + id + "/ips/elsewhere", demo), 404, "itemNotFound");
        String admin = cloud.adminToken();
        String project = nova.get("/servers/" + id, demo).json().at("/server/tenant_id").asText();
        assertThat(nova.get("/servers?all_tenants", admin).json().get("servers").findValuesAsText("id")).contains(id);
        assertThat(nova.get("/servers?tenant_id=" + project, admin).json().get("servers").findValuesAsText("id"))
                .as("tenant_id alone is ignored, as in Nova").doesNotContain(id);
        assertThat(nova.get("/servers?all_tenants=&tenant_id=" + project, admin).json().get("servers")
                .findValuesAsText("id")).contains(id);
        assertThat(ips.headers().firstValue("x-compute-request-id").orElse("")).startsWith("req-");
    }

    @Test
    void tagsAreAddedReplacedShownAndRemovedFrom226() throws Exception {
        String id = boot("tagged", "");
        nova.await(demo, id, "ACTIVE");
        String[] v226 = {"OpenStack-API-Version", "compute 2.26"};
        Nova.fault(nova.get("/servers/" + id + "/tags", demo), 404, "itemNotFound");
        var added = cloud.send("PUT", nova.url("/servers/" + id + "/tags/blue"), demo, null, v226);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location").orElse("")).endsWith("/servers/" + id + "/tags/blue");
        assertThat(cloud.send("PUT", nova.url("/servers/" + id + "/tags/blue"), demo, null, v226).status()).isEqualTo(204);
        assertThat(cloud.send("GET", nova.url("/servers/" + id + "/tags/blue"), demo, null, v226).status()).isEqualTo(204);
        assertThat(cloud.send("GET", nova.url("/servers/" + id + "/tags/red"), demo, null, v226).status()).isEqualTo(404);
        var replaced = cloud.send("PUT", nova.url("/servers/" + id + "/tags"), demo, "{\"tags\": [\"a\", \"b\"]}", v226);
        assertThat(replaced.json().get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(nova.get("/servers/" + id, demo, v226).json().at("/server/tags").toString()).isEqualTo("[\"a\",\"b\"]");
        JsonNode listed = nova.get("/servers/detail", demo, v226).json().get("servers");
        for (JsonNode s : listed) {
            if (s.get("id").asText().equals(id)) {
                assertThat(s.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
            }
        }
        Nova.fault(cloud.send("PUT", nova.url("/servers/" + id + "/tags/a,b"), demo, null, v226), 400, "badRequest");
        assertThat(cloud.send("DELETE", nova.url("/servers/" + id + "/tags/a"), demo, null, v226).status()).isEqualTo(204);
        Nova.fault(cloud.send("DELETE", nova.url("/servers/" + id + "/tags/a"), demo, null, v226), 404, "itemNotFound");
        assertThat(cloud.send("DELETE", nova.url("/servers/" + id + "/tags"), demo, null, v226).status()).isEqualTo(204);
        assertThat(cloud.send("GET", nova.url("/servers/" + id + "/tags"), demo, null, v226).json().get("tags")).isEmpty();
    }

    @Test
    void theLegacyV2VersionDocumentIsServed() {
        var r = cloud.get(cloud.baseUrl() + "/compute/v2", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/version/id").asText()).isEqualTo("v2.0");
        assertThat(r.json().at("/version/links/0/href").asText()).endsWith("/compute/v2/");
    }
}
