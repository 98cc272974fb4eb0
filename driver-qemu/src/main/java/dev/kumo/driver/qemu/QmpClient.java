package dev.kumo.driver.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small QMP client: connects to QEMU's unix socket, negotiates capabilities, then runs one command at a
 * time. Asynchronous events that arrive before a reply are skipped. Every read waits at most the timeout
 * given at connect, so a hung QEMU cannot hang the caller.
 */
final class QmpClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private QmpClient(SocketChannel channel, Selector selector, Duration timeout) {
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
        buffer.flip();
    }

    /** Connects, reads the greeting and enters command mode. */
    static QmpClient connect(Path socket, Duration timeout) throws QemuException {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            QmpClient client = new QmpClient(channel, selector, timeout);
            JsonNode greeting = client.readMessage();
            if (!greeting.has("QMP")) {
                client.close();
                throw new QemuException("Failed to connect to QMP at " + socket + ": unexpected greeting " + greeting);
            }
            client.execute("qmp_capabilities");
            return client;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new QemuException("Failed to connect to QMP at " + socket + ": " + e.getMessage(), e);
        }
    }

    JsonNode execute(String command) throws QemuException {
        return execute(command, Map.of());
    }

    /** Runs {@code command} with {@code arguments} and returns its "return" value; a QMP error is an exception. */
    JsonNode execute(String command, Map<String, Object> arguments) throws QemuException {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("execute", command);
        if (!arguments.isEmpty()) {
            request.put("arguments", arguments);
        }
        try {
            // QEMU parses a JSON stream; the newline makes each request one line for anything reading lines
            ByteBuffer out = ByteBuffer.wrap((JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            writeFully(out);
            while (true) {
                JsonNode reply = readMessage();
                if (reply.has("return")) {
                    return reply.get("return");
                }
                if (reply.has("error")) {
                    throw new QemuException("Failed QMP " + command + ": " + reply.get("error").path("desc").asText(
                            reply.get("error").toString()));
                }
            }
        } catch (IOException e) {
            throw new QemuException("Failed QMP " + command + ": " + e.getMessage(), e);
        }
    }

    private void writeFully(ByteBuffer out) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("QEMU did not accept the command within " + timeout.toMillis() + " ms");
                }
                Thread.onSpinWait();
            }
        }
    }

    /** The next complete JSON line from QEMU. */
    private JsonNode readMessage() throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8).strip();
                    line.reset();
                    if (!text.isEmpty()) {
                        return JSON.readTree(text);
                    }
                } else {
                    line.write(b);
                }
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0 || selector.select(left) == 0 && System.nanoTime() >= deadline) {
                throw new IOException("no reply from QEMU within " + timeout.toMillis() + " ms");
            }
            selector.selectedKeys().clear();
            buffer.clear();
            int n = channel.read(buffer);
            buffer.flip();
            if (n < 0) {
                throw new IOException("QEMU closed the QMP socket");
            }
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // nothing left to release
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
