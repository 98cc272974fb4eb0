package dev.kumo.api.network;

import dev.kumo.api.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /v2.0/availability_zones}: the one zone this cloud's networks live in, with Neutron's filters. */
final class AvailabilityZonesHandler {
    private final NetworkServices services;
    private final NetworkCallers callers;

    AvailabilityZonesHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(NetworkApi.V2 + "/availability_zones", this::list);
    }

    private void list(Context ctx) {
        callers.require(ctx);
        Map<String, String> zone = Map.of("name", services.settings().availabilityZone(), "resource", "network",
                "state", "available");
        boolean matches = zone.entrySet().stream().allMatch(e -> {
            List<String> wanted = ctx.queryParams(e.getKey());
            return wanted.isEmpty() || wanted.contains(e.getValue());
        });
        var body = Json.object();
        var list = body.putArray("availability_zones");
        if (matches) {
            list.addObject().put("name", zone.get("name")).put("resource", "network").put("state", "available");
        }
        Json.write(ctx, 200, body);
    }
}
