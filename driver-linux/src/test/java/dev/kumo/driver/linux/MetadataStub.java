package dev.kumo.driver.linux;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Stands in for kumo's metadata service on a unix socket: answers every request with the headers the proxy
 * set, as {@code xff=<X-Forwarded-For> router=<X-Neutron-Router-ID> network=<X-Neutron-Network-ID>}.
 */
final class MetadataStub implements AutoCloseable {
    private final ServerSocketChannel server;
    private final Thread acceptor;

    MetadataStub(Path socket) throws IOException {
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        acceptor = Thread.ofVirtual().start(this::serve);
    }

    private void serve() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().start(() -> answer(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void answer(SocketChannel client) {
        try (client) {
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            StringBuilder request = new StringBuilder();
            while (!request.toString().contains("\r\n\r\n") && client.read(buffer) > 0) {
                buffer.flip();
                request.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            String body = "xff=" + header(request.toString(), "x-forwarded-for") + " router="
                    + header(request.toString(), "x-neutron-router-id") + " network="
                    + header(request.toString(), "x-neutron-network-id") + "\n";
            String response = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n" + body;
            client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Every value of the header, joined by "|" (so a duplicated header shows). */
    private static String header(String request, String name) {
        StringBuilder values = new StringBuilder();
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                values.append(values.isEmpty() ? "" : "|").append(line.substring(colon + 1).trim());
            }
        }
        return values.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
