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
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.head(BASE + "/{id}", this::check);
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
        routes.get(BASE + "/{id}/endpoints", this::endpoints);
    }

    private void create(Context ctx) {
        var in = changes(JsonFields.wrapped(Json.body(ctx), "endpoint_group"));
        EndpointGroup g = services.endpointGroups().create(callers.require(ctx), in);
        Json.write(ctx, 201, Json.object().set("endpoint_group", view(ctx, g)));
    }

    private void list(Context ctx) {
        var list = services.endpointGroups().list(callers.require(ctx), Queries.string(ctx, "name"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "endpoint_groups", list, g -> view(ctx, g)));
    }

    private void get(Context ctx) {
        EndpointGroup g = services.endpointGroups().get(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("endpoint_group", view(ctx, g)));
    }

    private void check(Context ctx) {
        services.endpointGroups().get(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(200);
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "endpoint_group");
        if (in.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field 'endpoint_group': give at least one attribute to change.");
        }
        String bodyId = JsonFields.string(in, "id");
        if (bodyId != null && !bodyId.equals(id)) {
            throw CloudError.badRequest("Cannot change the ID of endpoint group %s to %s: ids are fixed.", id, bodyId);
        }
        EndpointGroup g = services.endpointGroups().update(callers.require(ctx), id, changes(in));
        Json.write(ctx, 200, Json.object().set("endpoint_group", view(ctx, g)));
    }

    private void delete(Context ctx) {
        services.endpointGroups().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
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
