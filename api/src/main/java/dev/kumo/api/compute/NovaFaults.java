package dev.kumo.api.compute;

import dev.kumo.api.http.FaultRenderer;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.KeystoneFaults;
import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code {"itemNotFound": {"code": 404, "message": "Flavor 9 could not be found."}}} as nova-api writes it; the
 * key comes from the compute service's error type, or from the status for errors raised outside it (body
 * parsing, routing). A 401 comes from Keystone's middleware, so it keeps Keystone's shape.
 */
public final class NovaFaults implements FaultRenderer {
    private static final Set<String> NOVA_KEYS = Set.of("badRequest", "itemNotFound", "forbidden",
            "conflictingRequest", "overLimit", "computeFault", "notImplemented", "HTTPNotAcceptable");

    private final KeystoneFaults keystone = new KeystoneFaults();

    @Override
    public void render(Context ctx, CloudError error) {
        if (error.status() == 401) {
            keystone.render(ctx, error);
            return;
        }
        String key = NOVA_KEYS.contains(error.type()) ? error.type() : keyFor(error.status());
        var body = Json.object();
        body.putObject(key).put("code", error.status()).put("message", error.message());
        Json.write(ctx, error.status(), body);
    }

    private static String keyFor(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "methodNotAllowed";
            case 406 -> "HTTPNotAcceptable";
            case 409 -> "conflictingRequest";
            case 413 -> "overLimit";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}
