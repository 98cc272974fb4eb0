package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.endpointfilter.EndpointGroupChanges;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.EndpointGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /v3/OS-EP-FILTER/endpoint_groups}: HEAD of a group answers 200, as Keystone's does. */
final class EndpointGroupsHandler {
    private static final String BASE = IdentityApi.V3 + "/OS-EP-FILTER/endpoint_groups";

    private final IdentityServices services;
    private final Callers callers;

    EndpointGroupsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        new CollectionRoutes<EndpointGroup, EndpointGroupChanges>(BASE, "endpoint_group", "endpoint_groups", callers,
                EndpointGroupsHandler::changes, EndpointGroupsHandler::view)
                .create(services.endpointGroups()::create)
                .list((caller, ctx) -> services.endpointGroups().list(caller, Queries.string(ctx, "name")))
                .get(services.endpointGroups()::get)
                .update(services.endpointGroups()::update)
                .delete(services.endpointGroups()::delete)
                .register(routes);
        routes.head(BASE + "/{id}", this::check);
        routes.get(BASE + "/{id}/endpoints", this::endpoints);
    }

    private void check(Context ctx) {
        services.endpointGroups().get(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(200);
    }

    private void endpoints(Context ctx) {
        var list = services.endpointGroups().endpoints(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "endpoints", list, e -> EndpointsHandler.view(ctx, e)));
    }

    private static EndpointGroupChanges changes(ObjectNode in) {
        return new EndpointGroupChanges(JsonFields.string(in, "name"), JsonFields.nullableString(in, "description"),
                filters(in.get("filters")));
    }

    /** A JSON object of strings, e.g. {"service_id": "...", "interface": "public"}; null when not given. */
    private static Map<String, String> filters(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw CloudError.badRequest("Invalid input for field 'filters': expected an object such as "
                    + "{\"service_id\": \"...\"}, got %s.", node.getNodeType().name().toLowerCase());
        }
        Map<String, String> filters = new LinkedHashMap<>();
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw CloudError.badRequest("Invalid input for field 'filters': the value of '%s' must be a string.",
                        e.getKey());
            }
            filters.put(e.getKey(), e.getValue().asText());
        }
        return filters;
    }

    static ObjectNode view(Context ctx, EndpointGroup g) {
        var node = Json.object().put("id", g.id()).put("name", g.name()).put("description", g.description());
        var filters = node.putObject("filters");
        g.filters().forEach(filters::put);
        node.set("links", IdentityViews.selfLink(ctx, "/OS-EP-FILTER/endpoint_groups/" + g.id()));
        return node;
    }
}
