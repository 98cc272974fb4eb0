package dev.kumo.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.quota.QuotaResource;
import dev.kumo.core.network.quota.QuotaUsage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /v2.0/quotas}: per-project limits, their defaults, usage details; admins change them. */
final class QuotasHandler {
    private static final String BASE = NetworkApi.V2 + "/quotas";

    private final NetworkServices services;
    private final NetworkCallers callers;

    QuotasHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        // neutronclient asks which project its token is for before "quota-show" without arguments
        routes.get(BASE + "/tenant", this::tenant);
        routes.get(BASE + "/{project}", this::show);
        routes.get(BASE + "/{project}/default", this::defaults);
        routes.get(BASE + "/{project}/details", this::details);
        // neutronclient asks for details with a .json suffix
        routes.get(BASE + "/{project}/details.json", this::details);
        routes.put(BASE + "/{project}", this::update);
        routes.delete(BASE + "/{project}", this::reset);
    }

    private void list(Context ctx) {
        var body = Json.object();
        var quotas = body.putArray("quotas");
        services.quotas().list(callers.require(ctx)).forEach((project, limits) ->
                quotas.add(limits(limits).put("project_id", project).put("tenant_id", project)));
        Json.write(ctx, 200, body);
    }

    private void tenant(Context ctx) {
        var body = Json.object();
        body.putObject("tenant").put("tenant_id", callers.require(ctx).projectId());
        Json.write(ctx, 200, body);
    }

    private void show(Context ctx) {
        var limits = services.quotas().show(callers.require(ctx), ctx.pathParam("project"));
        Json.write(ctx, 200, Json.object().set("quota", limits(limits)));
    }

    private void defaults(Context ctx) {
        var limits = services.quotas().showDefaults(callers.require(ctx), ctx.pathParam("project"));
        Json.write(ctx, 200, Json.object().set("quota", limits(limits)));
    }

    private void details(Context ctx) {
        Map<QuotaResource, QuotaUsage> usage = services.quotas().details(callers.require(ctx), ctx.pathParam("project"));
        var quota = Json.object();
        usage.forEach((r, u) -> quota.putObject(r.apiName()).put("used", u.used()).put("limit", u.limit())
                .put("reserved", u.reserved()));
        Json.write(ctx, 200, Json.object().set("quota", quota));
    }

    private void update(Context ctx) {
        var caller = callers.require(ctx);
        ObjectNode quota = NeutronBody.single(Json.body(ctx), "quota");
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : quota.properties()) {
            values.put(e.getKey(), Json.MAPPER.convertValue(e.getValue(), Object.class));
        }
        var limits = services.quotas().update(caller, ctx.pathParam("project"), values);
        Json.write(ctx, 200, Json.object().set("quota", limits(limits)));
    }

    private void reset(Context ctx) {
        services.quotas().reset(callers.require(ctx), ctx.pathParam("project"));
        ctx.status(204);
    }

    private static ObjectNode limits(Map<QuotaResource, Integer> limits) {
        var node = Json.object();
        limits.forEach((r, limit) -> node.put(r.apiName(), limit));
        return node;
    }
}
