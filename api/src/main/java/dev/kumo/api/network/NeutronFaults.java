package dev.kumo.api.network;

import dev.kumo.api.http.FaultRenderer;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.KeystoneFaults;
import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code {"NeutronError": {"type": "NetworkNotFound", "message": "Network X could not be found.", "detail": ""}}},
 * as neutron-server writes it (neutronclient reads type, message and detail; openstacksdk the message). A 401
 * comes from Keystone's middleware in front of Neutron, so it keeps Keystone's shape.
 */
public final class NeutronFaults implements FaultRenderer {
    /** Errors raised outside the network service (body parsing, routing) carry generic types. */
    private static final Map<String, String> GENERIC_TYPES = Map.of(
            "ValidationError", "HTTPBadRequest", "BadRequest", "HTTPBadRequest", "NotFound", "HTTPNotFound",
            "HTTPMethodNotAllowed", "HTTPMethodNotAllowed", "Forbidden", "HTTPForbidden",
            "InternalError", "HTTPInternalServerError", "ServiceUnavailable", "HTTPServiceUnavailable");

    private final KeystoneFaults keystone = new KeystoneFaults();

    @Override
    public void render(Context ctx, CloudError error) {
        if (error.status() == 401) {
            keystone.render(ctx, error);
            return;
        }
        var body = Json.object();
        body.putObject("NeutronError")
                .put("type", GENERIC_TYPES.getOrDefault(error.type(), error.type()))
                .put("message", error.message())
                .put("detail", "");
        Json.write(ctx, error.status(), body);
    }
}
