package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.console.RemoteConsoles;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code POST /servers/{id}/remote-consoles} (2.6+) and the older {@code os-getSerialConsole} action: a
 * {@code ws://} URL with a one-time token, served on kumo's own port by {@link SerialConsoleSocket}.
 */
final class RemoteConsolesHandler {
    private final RemoteConsoles consoles;
    private final ComputeCallers callers;

    RemoteConsolesHandler(RemoteConsoles consoles, ComputeCallers callers) {
        this.consoles = consoles;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(ServersHandler.SERVERS + "/{id}/remote-consoles", this::create);
        new SerialConsoleSocket(consoles).register(routes);
    }

    private void create(Context ctx) {
        if (!Microversion.of(ctx).atLeast(2, 6)) {
            throw ComputeErrors.notFound("The resource could not be found.");
        }
        ComputeCaller caller = callers.require(ctx);
        var body = NovaBody.wrapped(ctx, "remote_console");
        String protocol = NovaBody.text(body, "protocol");
        String type = NovaBody.text(body, "type");
        if (protocol == null || type == null) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute remote_console. Value: %s. 'protocol' and 'type' are required properties", body);
        }
        String token = consoles.serial(caller, ctx.pathParam("id"), protocol, type);
        var o = Json.object();
        o.putObject("remote_console").put("protocol", protocol).put("type", type).put("url", url(ctx, token));
        Json.write(ctx, 200, o);
    }

    /** The legacy action: {@code {"os-getSerialConsole": {"type": "serial"}}} → {@code {"console": {type, url}}}. */
    static void legacy(Context ctx, RemoteConsoles consoles, ComputeCaller caller, String id, JsonNode arg) {
        String type = arg.path("type").asText(null);
        if (type == null) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute os-getSerialConsole. Value: %s. 'type' is a required property", arg);
        }
        String token = consoles.serial(caller, id, "serial", type);
        var o = Json.object();
        o.putObject("console").put("type", type).put("url", url(ctx, token));
        Json.write(ctx, 200, o);
    }

    static String url(Context ctx, String token) {
        String base = Links.base(ctx).replaceFirst("^http", "ws"); // https → wss
        return base + SerialConsoleSocket.PATH + "?token=" + token;
    }
}
