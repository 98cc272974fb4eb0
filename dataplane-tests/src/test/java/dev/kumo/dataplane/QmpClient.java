package dev.kumo.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** A minimal QMP client: one command at a time over QEMU's unix socket, events skipped. */
final class QmpClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SocketChannel channel;
    private final BufferedReader reader;

    private QmpClient(SocketChannel channel) {
        this.channel = channel;
        this.reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
    }

    static QmpClient connect(Path socket) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            QmpClient client = new QmpClient(channel);
            client.readLine(); // the greeting
            client.execute("qmp_capabilities");
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to connect to QMP at " + socket, e);
        }
    }

    /** Runs {@code command} and returns its "return" value; a QMP error becomes an exception. */
    JsonNode execute(String command) {
        try {
            byte[] request = JSON.writeValueAsBytes(Map.of("execute", command));
            channel.write(ByteBuffer.wrap(request));
            while (true) {
                JsonNode reply = JSON.readTree(readLine());
                if (reply.has("return")) {
                    return reply.get("return");
                }
                if (reply.has("error")) {
                    throw new IllegalStateException("QMP " + command + " failed: " + reply.get("error"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("QMP " + command + " failed", e);
        }
    }

    private String readLine() throws IOException {
        String line = reader.readLine();
        if (line == null) {
            throw new IOException("QEMU closed the QMP socket");
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
