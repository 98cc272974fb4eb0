package dev.kumo.server.compute;

import static dev.kumo.server.compute.QemuServerDataplaneTest.awaitConsole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kumo.server.TestCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The serial console of a real QEMU guest over kumo's websocket: the URL from remote-consoles opens the guest's
 * serial port (Enter brings its login prompt back), the console log still fills meanwhile, and the token works
 * only once. Needs root and QEMU; no NICs.
 */
@Tag("dataplane")
class QemuSerialConsoleDataplaneTest {
    private static final String[] MV = {"OpenStack-API-Version", "compute 2.6"};

    @Test
    void theWebsocketConsoleTalksToTheGuestsSerialPortOnce() throws Exception {
        assumeTrue(ProcessHandle.current().info().user().map("root"::equals).orElse(false), "run as root");
        Path builtin = QemuServerDataplaneTest.guestImage();
        assumeTrue(builtin != null, "no built-in guest image and no guest-image/build to make one");
        try (TestCloud cloud = TestCloud.startReal(builtin)) {
            try {
                var nova = new Nova(cloud);
                String token = cloud.demoToken();
                String cirros = cloud.get(cloud.baseUrl() + "/image/v2/images?name=cirros", token).json()
                        .at("/images/0/id").asText();
                var created = nova.post("/servers", token, "{\"server\": {\"name\": \"serial\", \"imageRef\": \"" + cirros
                        + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}}", MV);
                String id = created.json().at("/server/id").asText();
                nova.await(token, id, "ACTIVE");
                awaitConsole(nova, token, id, "login:");

                var r = nova.post("/servers/" + id + "/remote-consoles", token,
                        "{\"remote_console\": {\"protocol\": \"serial\", \"type\": \"serial\"}}", MV);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                String url = r.json().at("/remote_console/url").asText();
                assertThat(url).startsWith("ws://127.0.0.1:").contains("token=");

                var received = new StringBuffer();
                var closed = new CompletableFuture<Integer>();
                WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url),
                        listener(received, closed)).get(10, TimeUnit.SECONDS);
                Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
                while (!received.toString().contains("login:") && Instant.now().isBefore(deadline)) {
                    ws.sendText("\r", true).get(5, TimeUnit.SECONDS);
                    Thread.sleep(1000);
                }
                assertThat(received.toString()).as("what the guest sent over the websocket").contains("login:");
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

                var again = new CompletableFuture<Integer>();
                HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), listener(new StringBuffer(), again))
                        .get(10, TimeUnit.SECONDS);
                assertThat(again.get(10, TimeUnit.SECONDS)).as("a used token").isEqualTo(1008);
                // the log kept what went over the socket
                var log = nova.post("/servers/" + id + "/action", token, "{\"os-getConsoleOutput\": {\"length\": 5}}");
                assertThat(log.json().get("output").asText()).contains("login:");

                var legacy = nova.post("/servers/" + id + "/action", token, "{\"os-getSerialConsole\": {\"type\": \"serial\"}}");
                assertThat(legacy.status()).as(legacy.body()).isEqualTo(200);
                assertThat(legacy.json().at("/console/url").asText()).startsWith("ws://");
                assertThat(nova.delete("/servers/" + id, token).status()).isEqualTo(204);
                nova.awaitGone(token, id);
            } finally {
                QemuServerDataplaneTest.deleteAllServers(cloud); // a failed test leaves no guest running
            }
        }
    }

    private static WebSocket.Listener listener(StringBuffer received, CompletableFuture<Integer> closed) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                received.append(new String(bytes, StandardCharsets.ISO_8859_1));
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                received.append(data);
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        };
    }
}
