package dev.kumo.server.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A minimal HTTP/1.1 client over a unix-domain socket, for tests only (the JDK's HttpClient cannot use one):
 * one request with {@code Connection: close}, the response read to the end.
 */
final class UnixSocketHttp {
    record Reply(int status, String headers, String body) {}

    private final Path socket;

    UnixSocketHttp(Path socket) {
        this.socket = socket;
    }

    /** GETs {@code path} with the given header name/value pairs. */
    Reply get(String path, String... headers) {
        return send("GET", path, "", headers);
    }

    Reply send(String method, String path, String body, String... headers) {
        var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 169.254.169.254\r\nConnection: close\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        if (!method.equals("GET")) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n").append(body);
        try (var channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(request.toString().getBytes(StandardCharsets.UTF_8)));
            return parse(readAll(channel));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(SocketChannel channel) throws IOException {
        var out = new ByteArrayOutputStream();
        var buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) >= 0) {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Reply parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = raw.substring(0, end);
        String body = raw.substring(end + 4);
        int status = Integer.parseInt(head.substring(9, 12));
        if (head.toLowerCase().contains("transfer-encoding: chunked")) {
            body = unchunk(body);
        }
        return new Reply(status, head, body);
    }

    private static String unchunk(String body) {
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
