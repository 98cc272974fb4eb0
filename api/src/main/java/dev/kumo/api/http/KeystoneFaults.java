package dev.kumo.api.http;

import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;
import java.util.Map;

/** {@code {"error": {"code": 401, "title": "Unauthorized", "message": "..."}}}, as Keystone writes it. */
public final class KeystoneFaults implements FaultRenderer {
    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(409, "Conflict"),
            Map.entry(413, "Request Entity Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

    @Override
    public void render(Context ctx, CloudError error) {
        var body = Json.object();
        body.putObject("error").put("code", error.status())
                .put("title", TITLES.getOrDefault(error.status(), "Error"))
                .put("message", error.message());
        if (error.status() == 401) {
            // clients look for this header to know which authentication to retry with
            ctx.header("WWW-Authenticate", "Keystone uri=\"" + Links.base(ctx) + "/identity\"");
        }
        Json.write(ctx, error.status(), body);
    }
}
