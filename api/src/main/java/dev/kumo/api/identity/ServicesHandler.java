package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.catalog.ServiceChanges;
import dev.kumo.core.identity.catalog.ServiceFilter;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Service;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/services}. */
final class ServicesHandler {
    private static final String BASE = IdentityApi.V3 + "/services";
    private static final Set<String> FIELDS = Set.of("id", "type", "name", "description", "enabled", "links");

    private final IdentityServices services;
    private final Callers callers;

    ServicesHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        var in = changes(JsonFields.wrapped(Json.body(ctx), "service"));
        Service service = services.catalog().createService(callers.require(ctx), in);
        Json.write(ctx, 201, Json.object().set("service", view(ctx, service)));
    }

    private void list(Context ctx) {
        var filter = new ServiceFilter(Queries.string(ctx, "type"), Queries.string(ctx, "name"));
        var list = services.catalog().services(callers.require(ctx), filter);
        Json.write(ctx, 200, IdentityViews.collection(ctx, "services", list, s -> view(ctx, s)));
    }

    private void get(Context ctx) {
        Service service = services.catalog().service(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("service", view(ctx, service)));
    }

    private void update(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "service");
        if (in.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field 'service': give at least one attribute to change.");
        }
        Service service = services.catalog().updateService(callers.require(ctx), ctx.pathParam("id"), changes(in));
        Json.write(ctx, 200, Json.object().set("service", view(ctx, service)));
    }

    private void delete(Context ctx) {
        services.catalog().deleteService(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static ServiceChanges changes(ObjectNode in) {
        return new ServiceChanges(JsonFields.string(in, "id"), JsonFields.string(in, "type"),
                JsonFields.string(in, "name"), JsonFields.string(in, "description"), JsonFields.bool(in, "enabled"),
                JsonFields.extra(in, FIELDS));
    }

    /** Keystone keeps description among the extra attributes, so it shows only once one was given. */
    static ObjectNode view(Context ctx, Service s) {
        var node = Json.object().put("id", s.id()).put("type", s.type()).put("name", s.name())
                .put("enabled", s.enabled());
        if (s.description() != null) {
            node.put("description", s.description());
        }
        node.set("links", IdentityViews.selfLink(ctx, "/services/" + s.id()));
        IdentityViews.putExtra(node, s.extra());
        return node;
    }
}
