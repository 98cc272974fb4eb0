package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** resize, confirmResize and revertResize through the API, on the fake driver. */
class ServerResizeApiTest {
    private static final String[] MV = {"OpenStack-API-Version", "compute 2.47"};
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
        image = nova.image(demo, "resize-image", 96, 0, 1024);
        net = nova.network(demo, "private", "10.4.0.0/24");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String boot(String name, String flavor) throws InterruptedException {
        String id = nova.boot(demo, "\"name\": \"" + name + "\", \"imageRef\": \"" + image + "\", \"flavorRef\": \""
                + flavor + "\", \"networks\": [{\"uuid\": \"" + net + "\"}]");
        nova.await(demo, id, "ACTIVE");
        return id;
    }

    private static TestCloud.Response action(String id, String body) {
        return nova.post("/servers/" + id + "/action", demo, body, MV);
    }

    private static int ramUsed() {
        return nova.get("/limits", demo).json().at("/limits/absolute/totalRAMUsed").asInt();
    }

    @Test
    void resizeWaitsInVerifyResizeWithTheNewFlavorAndConfirmKeepsIt() throws Exception {
        String id = boot("grow", "1");
        JsonNode before = nova.get("/servers/" + id, demo, MV).json().get("server");
        int ram = ramUsed();
        assertThat(action(id, "{\"resize\": {\"flavorRef\": \"2\"}}").status()).isEqualTo(202);
        JsonNode resized = nova.await(demo, id, "VERIFY_RESIZE");
        assertThat(resized.get("OS-EXT-STS:vm_state").asText()).isEqualTo("resized");
        assertThat(resized.at("/flavor/id").asText()).isEqualTo("2");
        assertThat(resized.get("addresses")).isEqualTo(before.get("addresses"));
        assertThat(ramUsed()).as("quota usage counts the new flavor from the resize on").isEqualTo(ram - 512 + 2048);
        var listed = nova.get("/servers?status=VERIFY_RESIZE", demo).json().get("servers");
        assertThat(listed.findValuesAsText("id")).contains(id);
        var confirm = action(id, "{\"confirmResize\": null}");
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(204);
        JsonNode active = nova.await(demo, id, "ACTIVE");
        assertThat(nova.get("/servers/" + id, demo, MV).json().at("/server/flavor/original_name").asText())
                .isEqualTo("m1.small");
        assertThat(active.get("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
    }

    @Test
    void revertGoesBackToTheOldFlavor() throws Exception {
        String id = boot("revert", "1");
        int ram = ramUsed();
        action(id, "{\"resize\": {\"flavorRef\": \"2\"}}");
        nova.await(demo, id, "VERIFY_RESIZE");
        assertThat(action(id, "{\"revertResize\": null}").status()).isEqualTo(202);
        JsonNode active = nova.await(demo, id, "ACTIVE");
        assertThat(active.at("/flavor/id").asText()).isEqualTo("1");
        assertThat(ramUsed()).isEqualTo(ram);
        var again = Nova.fault(action(id, "{\"revertResize\": null}"), 400, "badRequest");
        assertThat(again.get("message").asText()).isEqualTo("Instance has not been resized.");
    }

    @Test
    void aStoppedServerIsResizedAndConfirmedStopped() throws Exception {
        String id = boot("stopped-resize", "1");
        action(id, "{\"os-stop\": null}");
        nova.await(demo, id, "SHUTOFF");
        assertThat(action(id, "{\"resize\": {\"flavorRef\": \"2\"}}").status()).isEqualTo(202);
        assertThat(nova.await(demo, id, "VERIFY_RESIZE").get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
        assertThat(action(id, "{\"confirmResize\": null}").status()).isEqualTo(204);
        assertThat(nova.await(demo, id, "SHUTOFF").at("/flavor/id").asText()).isEqualTo("2");
    }

    @Test
    void resizeRefusesTheSameFlavorAShrinkingDiskUnknownFlavorsAndPausedServers() throws Exception {
        String id = boot("refused", "2");
        var same = Nova.fault(action(id, "{\"resize\": {\"flavorRef\": \"2\"}}"), 400, "badRequest");
        assertThat(same.get("message").asText()).isEqualTo("When resizing, instances must change flavor!");
        var shrink = Nova.fault(action(id, "{\"resize\": {\"flavorRef\": \"1\"}}"), 400, "badRequest");
        assertThat(shrink.get("message").asText()).contains("Unable to resize disk down");
        Nova.fault(action(id, "{\"resize\": {\"flavorRef\": \"no-such-flavor\"}}"), 400, "badRequest");
        Nova.fault(action(id, "{\"resize\": {}}"), 400, "badRequest");
        var notResized = Nova.fault(action(id, "{\"confirmResize\": null}"), 400, "badRequest");
        assertThat(notResized.get("message").asText()).isEqualTo("Instance has not been resized.");
        action(id, "{\"pause\": null}");
        nova.await(demo, id, "PAUSED");
        var paused = Nova.fault(action(id, "{\"resize\": {\"flavorRef\": \"3\"}}"), 409, "conflictingRequest");
        assertThat(paused.get("message").asText()).isEqualTo("Cannot 'resize' instance " + id + " while it is in vm_state paused");
    }
}
