package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.policydocument.PolicyDocumentChanges;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.PolicyDocument;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/policies} (deprecated in Keystone): opaque blobs with a type. */
final class PoliciesHandler {
    private static final String BASE = IdentityApi.V3 + "/policies";
    private static final Set<String> FIELDS = Set.of("id", "type", "blob", "links");

    private final IdentityServices services;
    private final Callers callers;

    PoliciesHandler(IdentityServices services, Callers callers) {
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
        var in = changes(JsonFields.wrapped(Json.body(ctx), "policy"));
        PolicyDocument p = services.policies().create(callers.require(ctx), in);
        Json.write(ctx, 201, Json.object().set("policy", view(ctx, p)));
    }

    private void list(Context ctx) {
        var list = services.policies().list(callers.require(ctx), Queries.string(ctx, "type"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "policies", list, p -> view(ctx, p)));
    }

    private void get(Context ctx) {
        PolicyDocument p = services.policies().get(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("policy", view(ctx, p)));
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "policy");
        if (in.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field 'policy': give at least one attribute to change.");
        }
        String bodyId = JsonFields.string(in, "id");
        if (bodyId != null && !bodyId.equals(id)) {
            throw CloudError.badRequest("Cannot change the ID of policy %s to %s: ids are fixed.", id, bodyId);
        }
        PolicyDocument p = services.policies().update(callers.require(ctx), id, changes(in));
        Json.write(ctx, 200, Json.object().set("policy", view(ctx, p)));
    }

    private void delete(Context ctx) {
        services.policies().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static PolicyDocumentChanges changes(ObjectNode in) {
        return new PolicyDocumentChanges(JsonFields.string(in, "type"), JsonFields.string(in, "blob"),
                JsonFields.extra(in, FIELDS));
    }

    static ObjectNode view(Context ctx, PolicyDocument p) {
        var node = Json.object().put("id", p.id()).put("type", p.type()).put("blob", p.blob());
        node.set("links", IdentityViews.selfLink(ctx, "/policies/" + p.id()));
        IdentityViews.putExtra(node, p.extra());
        return node;
    }
}
