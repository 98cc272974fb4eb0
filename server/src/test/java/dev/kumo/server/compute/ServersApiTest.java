package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServersApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String admin;
    static String image;
    static String net;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        image = nova.image(demo, "tiny-image", 96, 0, 1024);
        net = nova.network(demo, "private", "10.1.0.0/24");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String boot(String name, String extra) {
        return nova.boot(demo, "\"name\": \"" + name + "\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": [{\"uuid\": \"" + net + "\"}]" + extra);
    }

    @Test
    void serverBuildsToActiveWithAddressesOnTheRequestedNetwork() throws Exception {
        var r = nova.post("/servers", demo, "{\"server\": {\"name\": \"web-1\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + net + "\"}], \"metadata\": {\"role\": \"web\"}}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().at("/server/adminPass").asText()).isNotEmpty();
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/servers/" + r.json().at("/server/id").asText());
        String id = r.json().at("/server/id").asText();
        JsonNode s = nova.await(demo, id, "ACTIVE");
        assertThat(s.get("OS-EXT-STS:vm_state").asText()).isEqualTo("active");
        assertThat(s.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(s.at("/metadata/role").asText()).isEqualTo("web");
        JsonNode address = s.at("/addresses/private/0");
        assertThat(address.get("addr").asText()).startsWith("10.1.0.");
        assertThat(address.get("OS-EXT-IPS:type").asText()).isEqualTo("fixed");
        assertThat(address.get("OS-EXT-IPS-MAC:mac_addr").asText()).startsWith("fa:16:3e:");
        assertThat(s.has("OS-EXT-SRV-ATTR:host")).as("admin-only attribute").isFalse();
        assertThat(s.at("/flavor/id").asText()).isEqualTo("1");
        var ports = cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_id=" + id, admin).json().get("ports");
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).get("binding:host_id").asText()).startsWith("compute-");
        JsonNode asAdmin = nova.get("/servers/" + id, admin).json().get("server");
        assertThat(asAdmin.get("OS-EXT-SRV-ATTR:host").asText()).isEqualTo(ports.get(0).get("binding:host_id").asText());
    }

    @Test
    void newerMicroversionsEmbedTheFlavorAndShowLocked() throws Exception {
        String id = boot("mv", "");
        nova.await(demo, id, "ACTIVE");
        var s = nova.get("/servers/" + id, demo, "OpenStack-API-Version", "compute 2.79").json().get("server");
        assertThat(s.at("/flavor/original_name").asText()).isEqualTo("m1.tiny");
        assertThat(s.at("/flavor/ram").asInt()).isEqualTo(512);
        assertThat(s.get("locked").asBoolean()).isFalse();
        assertThat(s.has("description")).isTrue();
    }

    @Test
    void stopStartRebootPauseSuspendWalkTheStateMachine() throws Exception {
        String id = boot("power", "");
        nova.await(demo, id, "ACTIVE");
        assertThat(nova.post("/servers/" + id + "/action", demo, "{\"os-stop\": null}").status()).isEqualTo(202);
        JsonNode stopped = nova.await(demo, id, "SHUTOFF");
        assertThat(stopped.get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        var again = Nova.fault(nova.post("/servers/" + id + "/action", demo, "{\"os-stop\": null}"), 409, "conflictingRequest");
        assertThat(again.get("message").asText()).isEqualTo("Cannot 'stop' instance " + id + " while it is in vm_state stopped");
        nova.post("/servers/" + id + "/action", demo, "{\"os-start\": null}");
        nova.await(demo, id, "ACTIVE");
        assertThat(nova.post("/servers/" + id + "/action", demo, "{\"reboot\": {\"type\": \"HARD\"}}").status()).isEqualTo(202);
        nova.await(demo, id, "ACTIVE");
        nova.post("/servers/" + id + "/action", demo, "{\"pause\": null}");
        assertThat(nova.await(demo, id, "PAUSED").get("OS-EXT-STS:power_state").asInt()).isEqualTo(3);
        nova.post("/servers/" + id + "/action", demo, "{\"unpause\": null}");
        nova.await(demo, id, "ACTIVE");
        nova.post("/servers/" + id + "/action", demo, "{\"suspend\": null}");
        nova.await(demo, id, "SUSPENDED");
        nova.post("/servers/" + id + "/action", demo, "{\"resume\": null}");
        nova.await(demo, id, "ACTIVE");
        Nova.fault(nova.post("/servers/" + id + "/action", demo, "{\"reboot\": {\"type\": \"GENTLE\"}}"), 400, "badRequest");
    }

    @Test
    void consoleOutputHonoursLength() throws Exception {
        String id = boot("console", "");
        nova.await(demo, id, "ACTIVE");
        var all = nova.post("/servers/" + id + "/action", demo, "{\"os-getConsoleOutput\": {}}");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("output").asText()).contains("login:");
        var three = nova.post("/servers/" + id + "/action", demo, "{\"os-getConsoleOutput\": {\"length\": 3}}");
        assertThat(three.json().get("output").asText().split("\n", -1)).hasSize(3);
    }

    @Test
    void lockedServersRefuseActionsFromTheirOwners() throws Exception {
        String id = boot("locked", "");
        nova.await(demo, id, "ACTIVE");
        nova.post("/servers/" + id + "/action", demo, "{\"lock\": null}");
        var refused = Nova.fault(nova.post("/servers/" + id + "/action", demo, "{\"os-stop\": null}"), 409, "conflictingRequest");
        assertThat(refused.get("message").asText()).isEqualTo("Instance " + id + " is locked");
        nova.post("/servers/" + id + "/action", demo, "{\"unlock\": null}");
        assertThat(nova.post("/servers/" + id + "/action", demo, "{\"os-stop\": null}").status()).isEqualTo(202);
    }

    @Test
    void deleteRemovesTheServerAndReleasesItsPorts() throws Exception {
        String id = boot("doomed", "");
        nova.await(demo, id, "ACTIVE");
        assertThat(nova.delete("/servers/" + id, demo).status()).isEqualTo(204);
        nova.awaitGone(demo, id);
        var ports = cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_id=" + id, admin).json().get("ports");
        assertThat(ports).isEmpty();
        var missing = Nova.fault(nova.get("/servers/" + id, demo), 404, "itemNotFound");
        assertThat(missing.get("message").asText()).isEqualTo("Instance " + id + " could not be found.");
    }

    @Test
    void spawnFailureEndsInErrorWithAFaultAndNoPortsLeft() throws Exception {
        String id = boot("broken", ", \"metadata\": {\"kumo:fake-fail-spawn\": \"disk image corrupt\"}");
        JsonNode s = nova.await(demo, id, "ERROR");
        assertThat(s.at("/fault/message").asText()).contains("disk image corrupt");
        assertThat(s.at("/fault/code").asInt()).isEqualTo(500);
        assertThat(cloud.get(cloud.baseUrl() + "/network/v2.0/ports?device_id=" + id, admin).json().get("ports")).isEmpty();
        nova.delete("/servers/" + id, demo);
        nova.awaitGone(demo, id);
    }

    @Test
    void unknownReferencesAreRejectedNamingWhatWasNotFound() {
        String base = "\"name\": \"x\", \"networks\": [{\"uuid\": \"" + net + "\"}], ";
        var flavor = Nova.fault(nova.post("/servers", demo, "{\"server\": {" + base + "\"imageRef\": \"" + image
                + "\", \"flavorRef\": \"nope\"}}"), 400, "badRequest");
        assertThat(flavor.get("message").asText()).isEqualTo("Flavor nope could not be found.");
        var img = Nova.fault(nova.post("/servers", demo, "{\"server\": {" + base
                + "\"imageRef\": \"no-image\", \"flavorRef\": \"1\"}}"), 400, "badRequest");
        assertThat(img.get("message").asText()).isEqualTo("Image no-image could not be found.");
        var key = Nova.fault(nova.post("/servers", demo, "{\"server\": {" + base + "\"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"key_name\": \"ghost\"}}"), 400, "badRequest");
        assertThat(key.get("message").asText()).contains("ghost");
        var network = Nova.fault(nova.post("/servers", demo, "{\"server\": {\"name\": \"x\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"no-net\"}]}}"), 400, "badRequest");
        assertThat(network.get("message").asText()).isEqualTo("Network no-net could not be found.");
    }

    @Test
    void flavorTooSmallForTheImageNamesBothSizes() throws Exception {
        String big = nova.image(demo, "needs-ram", 1024, 0, 16);
        var r = Nova.fault(nova.post("/servers", demo, "{\"server\": {\"name\": \"x\", \"imageRef\": \"" + big
                + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}"), 400, "badRequest");
        assertThat(r.get("message").asText()).contains("512 MB").contains("1024 MB");
    }

    @Test
    void overQuotaIs403NamingTheQuota() {
        var r = Nova.fault(nova.post("/servers", demo, "{\"server\": {\"name\": \"many\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"5\", \"networks\": \"none\", \"min_count\": 3}}"), 403, "overLimit");
        assertThat(r.get("message").asText()).startsWith("Quota exceeded for cores");
    }

    @Test
    void listsFilterByNameRegexAndStatusAndHideOtherProjects() throws Exception {
        String id = boot("filter-me-1", "");
        nova.await(demo, id, "ACTIVE");
        var byName = nova.get("/servers?name=%5Efilter-me", demo).json().get("servers");
        assertThat(byName.findValuesAsText("id")).containsExactly(id);
        var active = nova.get("/servers/detail?status=ACTIVE&name=filter", demo).json().get("servers");
        assertThat(active.findValuesAsText("id")).contains(id);
        assertThat(nova.get("/servers?status=SHUTOFF&name=filter-me", demo).json().get("servers")).isEmpty();
        assertThat(nova.get("/servers?name=filter-me", admin).json().get("servers")).isEmpty();
        assertThat(nova.get("/servers?name=filter-me&all_tenants=1", admin).json().get("servers")).hasSize(1);
        Nova.fault(nova.get("/servers?all_tenants=1", demo), 403, "forbidden");
        assertThat(nova.get("/servers/" + id, admin).status()).isEqualTo(200);
    }

    @Test
    void resetStateIsForAdmins() throws Exception {
        String id = boot("reset", "");
        nova.await(demo, id, "ACTIVE");
        Nova.fault(nova.post("/servers/" + id + "/action", demo, "{\"os-resetState\": {\"state\": \"error\"}}"), 403, "forbidden");
        assertThat(nova.post("/servers/" + id + "/action", admin, "{\"os-resetState\": {\"state\": \"error\"}}").status()).isEqualTo(202);
        nova.await(demo, id, "ERROR");
    }

    @Test
    void updateRenamesAndLimitsCountUsage() throws Exception {
        String id = boot("old-name", "");
        var r = nova.put("/servers/" + id, demo, "{\"server\": {\"name\": \"new-name\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/server/name").asText()).isEqualTo("new-name");
        var limits = nova.get("/limits", demo).json().at("/limits/absolute");
        assertThat(limits.get("maxTotalInstances").asInt()).isEqualTo(10);
        assertThat(limits.get("totalInstancesUsed").asInt()).isGreaterThanOrEqualTo(1);
    }
}
