package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.domain.DomainChanges;
import dev.kumo.model.identity.Domain;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/domains}. */
final class DomainsHandler {
    private static final String BASE = IdentityApi.V3 + "/domains";
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "enabled", "tags", "links", "options");

    private final IdentityServices services;
    private final Callers callers;

    DomainsHandler(IdentityServices services, Callers callers) {
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
        Domain d = services.domains().create(callers.require(ctx), changes(JsonFields.wrapped(Json.body(ctx), "domain")));
        Json.write(ctx, 201, Json.object().set("domain", view(ctx, d)));
    }

    private void list(Context ctx) {
        var domains = services.domains().list(callers.require(ctx), Queries.string(ctx, "name"), Queries.bool(ctx, "enabled"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "domains", domains, d -> view(ctx, d)));
    }

    private void get(Context ctx) {
        Domain d = services.domains().get(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("domain", view(ctx, d)));
    }

    private void update(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "domain");
        Domain d = services.domains().update(callers.require(ctx), ctx.pathParam("id"), changes(in));
        Json.write(ctx, 200, Json.object().set("domain", view(ctx, d)));
    }

    private void delete(Context ctx) {
        services.domains().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static DomainChanges changes(ObjectNode in) {
        return new DomainChanges(JsonFields.string(in, "name"), JsonFields.string(in, "description"),
                JsonFields.bool(in, "enabled"), JsonFields.strings(in, "tags"), JsonFields.extra(in, FIELDS));
    }

    static ObjectNode view(Context ctx, Domain d) {
        var node = Json.object().put("id", d.id()).put("name", d.name()).put("description", d.description())
                .put("enabled", d.enabled());
        var tags = node.putArray("tags");
        d.tags().forEach(tags::add);
        node.putObject("options");
        node.set("links", IdentityViews.selfLink(ctx, "/domains/" + d.id()));
        IdentityViews.putExtra(node, d.extra());
        return node;
    }
}
