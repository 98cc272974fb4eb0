package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.catalog.ServiceChanges;
import dev.kumo.core.identity.catalog.ServiceFilter;
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
        new CollectionRoutes<Service, ServiceChanges>(BASE, "service", "services", callers, ServicesHandler::changes,
                ServicesHandler::view)
                .create(services.catalog()::createService)
                .list((caller, ctx) -> services.catalog().services(caller,
                        new ServiceFilter(Queries.string(ctx, "type"), Queries.string(ctx, "name"))))
                .get(services.catalog()::service)
                .update(services.catalog()::updateService)
                .delete(services.catalog()::deleteService)
                .register(routes);
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
