package dev.kumo.api.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /v3/domains/{domain_id}/config[/{group}[/{option}]]} and the defaults under
 * {@code /v3/domains/config[/{group}[/{option}]]/default}. Every body is {@code {"config": {...}}}.
 */
final class DomainConfigHandler {
    private static final String CONFIG = IdentityApi.V3 + "/domains/{domain_id}/config";
    private static final String DEFAULTS = IdentityApi.V3 + "/domains/config";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final IdentityServices services;
    private final Callers callers;

    DomainConfigHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.put(CONFIG, this::replace);
        for (String path : new String[] {CONFIG, CONFIG + "/{group}", CONFIG + "/{group}/{option}"}) {
            routes.get(path, this::get);
            routes.patch(path, this::update);
            routes.delete(path, this::delete);
        }
        routes.get(DEFAULTS + "/default", this::defaults);
        routes.get(DEFAULTS + "/{group}/default", this::defaults);
        routes.get(DEFAULTS + "/{group}/{option}/default", this::defaults);
    }

    private void replace(Context ctx) {
        var replaced = services.domainConfigs().replace(callers.require(ctx), ctx.pathParam("domain_id"), config(ctx));
        write(ctx, replaced.created() ? 201 : 200, replaced.config());
    }

    private void get(Context ctx) {
        write(ctx, 200, services.domainConfigs().get(callers.require(ctx), ctx.pathParam("domain_id"),
                param(ctx, "group"), param(ctx, "option")));
    }

    private void update(Context ctx) {
        write(ctx, 200, services.domainConfigs().update(callers.require(ctx), ctx.pathParam("domain_id"),
                param(ctx, "group"), param(ctx, "option"), config(ctx)));
    }

    private void delete(Context ctx) {
        services.domainConfigs().delete(callers.require(ctx), ctx.pathParam("domain_id"), param(ctx, "group"),
                param(ctx, "option"));
        ctx.status(204);
    }

    private void defaults(Context ctx) {
        write(ctx, 200, services.domainConfigs().defaults(callers.require(ctx), param(ctx, "group"), param(ctx, "option")));
    }

    private static Map<String, Object> config(Context ctx) {
        ObjectNode config = JsonFields.wrapped(Json.body(ctx), "config");
        return Json.MAPPER.convertValue(config, MAP);
    }

    /** A path parameter of the matched route, or null when the route has none of that name. */
    private static String param(Context ctx, String name) {
        return ctx.pathParamMap().get(name);
    }

    private static void write(Context ctx, int status, Map<String, Object> config) {
        Json.write(ctx, status, Json.object().set("config", Json.MAPPER.valueToTree(config)));
    }
}
