package dev.kumo.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The QMP client against a fake QEMU on a unix socket that answers each request line by a script. */
class QmpClientTest {
    private Path dir;
    private Path socket;
    private ServerSocketChannel server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("/tmp"), "qmp");
        socket = dir.resolve("qmp.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
    }

    @AfterEach
    void tearDown() throws IOException {
        server.close();
        Files.deleteIfExists(socket);
        Files.deleteIfExists(dir);
    }

    /** Accepts one client, greets it, and answers each request with what {@code reply} says (null: silence). */
    private void fakeQemu(Function<String, String> reply) {
        Thread.ofVirtual().start(() -> {
            try (SocketChannel peer = server.accept()) {
                send(peer, "{\"QMP\": {\"version\": {\"qemu\": {\"major\": 7}}, \"capabilities\": []}}");
                var in = new BufferedReader(new InputStreamReader(Channels.newInputStream(peer), StandardCharsets.UTF_8));
                for (String line; (line = in.readLine()) != null; ) {
                    received.add(line);
                    String answer = reply.apply(line);
                    if (answer != null) {
                        send(peer, answer);
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        });
    }

    private static void send(SocketChannel peer, String line) throws IOException {
        peer.write(ByteBuffer.wrap((line + "\r\n").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void negotiatesCapabilitiesSkipsEventsAndReturnsTheResult() throws Exception {
        fakeQemu(line -> line.contains("query-status")
                ? "{\"event\": \"RESUME\", \"timestamp\": {}}\n{\"return\": {\"status\": \"running\", \"running\": true}}"
                : "{\"return\": {}}");

        try (QmpClient qmp = QmpClient.connect(socket, Duration.ofSeconds(2))) {
            var status = qmp.execute("query-status");

            assertThat(status.path("status").asText()).isEqualTo("running");
        }
        assertThat(received.getFirst()).isEqualTo("{\"execute\":\"qmp_capabilities\"}");
        assertThat(received.get(1)).isEqualTo("{\"execute\":\"query-status\"}");
    }

    @Test
    void sendsArguments() throws Exception {
        fakeQemu(line -> "{\"return\": {}}");

        try (QmpClient qmp = QmpClient.connect(socket, Duration.ofSeconds(2))) {
            qmp.execute("migrate", Map.of("uri", "exec:cat > /x"));
        }
        assertThat(received.get(1)).isEqualTo("{\"execute\":\"migrate\",\"arguments\":{\"uri\":\"exec:cat > /x\"}}");
    }

    @Test
    void aQmpErrorBecomesAnExceptionWithItsDescription() throws Exception {
        fakeQemu(line -> line.contains("cont")
                ? "{\"error\": {\"class\": \"GenericError\", \"desc\": \"guest is not paused\"}}" : "{\"return\": {}}");

        try (QmpClient qmp = QmpClient.connect(socket, Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> qmp.execute("cont")).isInstanceOf(QemuException.class)
                    .hasMessage("Failed QMP cont: guest is not paused");
        }
    }

    @Test
    void aSilentQemuTimesOutInsteadOfHanging() throws Exception {
        fakeQemu(line -> line.contains("query-status") ? null : "{\"return\": {}}");

        try (QmpClient qmp = QmpClient.connect(socket, Duration.ofMillis(300))) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> qmp.execute("query-status")).isInstanceOf(QemuException.class)
                    .hasMessageContaining("no reply from QEMU within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void noListenerIsAConnectFailureNamingTheSocket() {
        Path missing = dir.resolve("none.sock");

        assertThatThrownBy(() -> QmpClient.connect(missing, Duration.ofSeconds(1))).isInstanceOf(QemuException.class)
                .hasMessageStartingWith("Failed to connect to QMP at " + missing);
    }
}
