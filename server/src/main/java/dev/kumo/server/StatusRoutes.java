package dev.kumo.server;

import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.api.http.RootDocument;
import io.javalin.config.RoutesConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /} lists the APIs; {@code GET /healthcheck} answers OK once everything is up (as oslo's
 * healthcheck middleware does); {@code GET /kumo/status} is what {@code kumo status} prints.
 */
final class StatusRoutes implements RootDocument {
    /** One line of {@code kumo status}: a service, agent or driver, whether it works, and why not. */
    record Component(String name, String kind, boolean up, String detail) {}

    private final Instant started = Instant.now();
    private final List<Component> components;
    private final String mode;

    StatusRoutes(List<Component> components, String mode) {
        this.components = List.copyOf(components);
        this.mode = mode;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/", ctx -> {
            var body = Json.object();
            var apis = body.putObject("kumo").put("version", Version.VERSION).putObject("apis");
            apis.put("identity", Links.base(ctx) + "/identity/v3");
            apis.put("image", Links.base(ctx) + "/image/v2");
            apis.put("network", Links.base(ctx) + "/network/v2.0");
            apis.put("compute", Links.base(ctx) + "/compute/v2.1");
            Json.write(ctx, 200, body);
        });
        routes.get("/healthcheck", ctx -> ctx.contentType("text/plain").result("OK"));
        routes.get("/kumo/status", ctx -> {
            var body = Json.object().put("version", Version.VERSION).put("mode", mode)
                    .put("pid", ProcessHandle.current().pid())
                    .put("uptime_seconds", Duration.between(started, Instant.now()).toSeconds());
            var list = body.putArray("components");
            for (Component c : components) {
                list.addObject().put("name", c.name()).put("kind", c.kind()).put("up", c.up()).put("detail", c.detail());
            }
            Json.write(ctx, 200, body);
        });
    }
}
