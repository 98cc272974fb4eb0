package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** remote-consoles and os-getSerialConsole through the API on the fake driver (which has no serial console). */
class RemoteConsolesApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String server;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        String image = nova.image(demo, "console-image", 96, 0, 1024);
        String net = nova.network(demo, "private", "10.5.0.0/24");
        server = nova.boot(demo, "\"name\": \"console\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
        nova.await(demo, server, "ACTIVE");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static TestCloud.Response console(String body, String version) {
        return nova.post("/servers/" + server + "/remote-consoles", demo, body, "OpenStack-API-Version", "compute " + version);
    }

    @Test
    void remoteConsolesNeed26AndOnlySerialIsOffered() {
        Nova.fault(console("{\"remote_console\": {\"protocol\": \"serial\", \"type\": \"serial\"}}", "2.5"), 404, "itemNotFound");
        var vnc = Nova.fault(console("{\"remote_console\": {\"protocol\": \"vnc\", \"type\": \"novnc\"}}", "2.6"), 400, "badRequest");
        assertThat(vnc.get("message").asText()).isEqualTo("Unavailable console type novnc.");
        Nova.fault(console("{\"remote_console\": {\"protocol\": \"serial\"}}", "2.6"), 400, "badRequest");
    }

    @Test
    void aDriverWithoutASerialConsoleSaysTheTypeIsUnavailable() {
        var fake = Nova.fault(console("{\"remote_console\": {\"protocol\": \"serial\", \"type\": \"serial\"}}", "2.6"),
                400, "badRequest");
        assertThat(fake.get("message").asText()).isEqualTo("Unavailable console type serial.");
        var legacy = Nova.fault(nova.post("/servers/" + server + "/action", demo,
                "{\"os-getSerialConsole\": {\"type\": \"serial\"}}"), 400, "badRequest");
        assertThat(legacy.get("message").asText()).isEqualTo("Unavailable console type serial.");
        Nova.fault(nova.post("/servers/00000000-0000-0000-0000-000000000000/remote-consoles", demo,
                "{\"remote_console\": {\"protocol\": \"serial\", \"type\": \"serial\"}}", "OpenStack-API-Version",
                "compute 2.6"), 404, "itemNotFound");
    }

    @Test
    void theWebsocketClosesAnUnknownTokenWithPolicyViolation() throws Exception {
        var closed = new CompletableFuture<Integer>();
        URI uri = URI.create(cloud.baseUrl().replaceFirst("^http", "ws") + "/compute/serial-console?token=nope");
        HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.completeExceptionally(error);
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(closed.get(10, TimeUnit.SECONDS)).isEqualTo(1008);
    }
}
