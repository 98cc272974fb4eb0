package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.catalog.EndpointChanges;
import dev.kumo.core.identity.catalog.EndpointFilter;
import dev.kumo.model.identity.Endpoint;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/endpoints}. */
final class EndpointsHandler {
    private static final String BASE = IdentityApi.V3 + "/endpoints";
    private static final Set<String> FIELDS =
            Set.of("id", "service_id", "interface", "url", "region_id", "region", "enabled", "links", "legacy_endpoint_id");

    private final IdentityServices services;
    private final Callers callers;

    EndpointsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        new CollectionRoutes<Endpoint, EndpointChanges>(BASE, "endpoint", "endpoints", callers,
                EndpointsHandler::changes, EndpointsHandler::view)
                .create(services.catalog()::createEndpoint)
                .list((caller, ctx) -> services.catalog().endpoints(caller, new EndpointFilter(
                        Queries.string(ctx, "service_id"), Queries.string(ctx, "interface"), Queries.string(ctx, "region_id"))))
                .get(services.catalog()::endpoint)
                .update(services.catalog()::updateEndpoint)
                .delete(services.catalog()::deleteEndpoint)
                .register(routes);
    }

    private static EndpointChanges changes(ObjectNode in) {
        return new EndpointChanges(JsonFields.string(in, "id"), JsonFields.string(in, "service_id"),
                JsonFields.string(in, "interface"), JsonFields.string(in, "url"), JsonFields.string(in, "region_id"),
                JsonFields.string(in, "region"), JsonFields.bool(in, "enabled"), JsonFields.extra(in, FIELDS));
    }

    /** {@code region} repeats {@code region_id}, as Keystone still returns it for v2-era clients. */
    static ObjectNode view(Context ctx, Endpoint e) {
        var node = Json.object().put("id", e.id()).put("interface", e.iface()).put("region_id", e.regionId())
                .put("region", e.regionId()).put("service_id", e.serviceId()).put("url", e.url())
                .put("enabled", e.enabled());
        node.set("links", IdentityViews.selfLink(ctx, "/endpoints/" + e.id()));
        IdentityViews.putExtra(node, e.extra());
        return node;
    }
}
