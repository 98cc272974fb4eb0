package dev.kumo.api.compute;

import dev.kumo.core.compute.console.ConsoleGrant;
import dev.kumo.core.compute.console.RemoteConsoles;
import io.javalin.config.RoutesConfig;
import io.javalin.websocket.WsCloseStatus;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The websocket side of a serial console: the token in the query opens the guest's console socket once; bytes
 * from the guest go out as binary messages, text and binary messages from the client go to the guest. The
 * token is the only credential (as with Nova's serial proxy), so it is one-time and expires.
 */
final class SerialConsoleSocket {
    static final String PATH = ComputeApi.PREFIX + "/serial-console";
    private static final Logger LOG = LoggerFactory.getLogger(SerialConsoleSocket.class);

    private final RemoteConsoles consoles;
    private final Map<String, SocketChannel> open = new ConcurrentHashMap<>();

    SerialConsoleSocket(RemoteConsoles consoles) {
        this.consoles = consoles;
    }

    void register(RoutesConfig routes) {
        routes.ws(PATH, ws -> {
            ws.onConnect(this::connect);
            ws.onMessage(ctx -> write(ctx, ByteBuffer.wrap(ctx.message().getBytes(StandardCharsets.UTF_8))));
            ws.onBinaryMessage(ctx -> write(ctx, ctx.data()));
            ws.onClose(ctx -> closeQuietly(open.remove(ctx.sessionId())));
            ws.onError(ctx -> closeQuietly(open.remove(ctx.sessionId())));
        });
    }

    private void connect(WsContext ctx) {
        ConsoleGrant grant = consoles.redeem(ctx.queryParam("token")).orElse(null);
        if (grant == null) {
            ctx.closeSession(WsCloseStatus.POLICY_VIOLATION, "The console token is unknown, used or expired.");
            return;
        }
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(grant.socket()));
            open.put(ctx.sessionId(), channel);
            Thread.ofVirtual().name("serial-console-" + grant.serverId()).start(() -> pump(ctx, channel, grant));
        } catch (IOException e) {
            LOG.warn("server {}: cannot open its serial console {}: {}", grant.serverId(), grant.socket(), e.getMessage());
            ctx.closeSession(WsCloseStatus.SERVER_ERROR, "The guest's serial console is not reachable.");
        }
    }

    /** Guest → client until either side closes. */
    private void pump(WsContext ctx, SocketChannel channel, ConsoleGrant grant) {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                buffer.clear();
                ctx.send(ByteBuffer.wrap(chunk));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("server {}: serial console closed: {}", grant.serverId(), e.getMessage());
        }
        if (open.remove(ctx.sessionId()) != null) {
            closeQuietly(channel);
            ctx.closeSession(WsCloseStatus.NORMAL_CLOSURE, "The guest's serial console closed.");
        }
    }

    private void write(WsContext ctx, ByteBuffer data) throws IOException {
        SocketChannel channel = open.get(ctx.sessionId());
        if (channel != null) {
            while (data.hasRemaining()) {
                channel.write(data);
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a console socket that is gone already
            }
        }
    }
}
