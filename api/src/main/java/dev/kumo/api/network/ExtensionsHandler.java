package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NeutronErrors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v2.0/extensions} and {@code /v2.0/extensions/{alias}}. */
final class ExtensionsHandler {
    private static final String BASE = NetworkApi.V2 + "/extensions";

    private final NetworkCallers callers;

    ExtensionsHandler(NetworkCallers callers) {
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> {
            callers.require(ctx);
            var body = Json.object();
            var list = body.putArray("extensions");
            Extensions.ALL.forEach(e -> list.add(view(e)));
            Json.write(ctx, 200, body);
        });
        routes.get(BASE + "/{alias}", ctx -> {
            callers.require(ctx);
            String alias = ctx.pathParam("alias");
            Extension found = Extensions.ALL.stream().filter(e -> e.alias().equals(alias)).findFirst().orElseThrow(() ->
                    NeutronErrors.notFound("HTTPNotFound", "Extension with alias %s does not exist", alias));
            Json.write(ctx, 200, Json.object().set("extension", view(found)));
        });
    }

    private static ObjectNode view(Extension e) {
        var node = Json.object().put("name", e.name()).put("alias", e.alias()).put("description", e.description())
                .put("updated", e.updated());
        node.putArray("links");
        return node;
    }
}
