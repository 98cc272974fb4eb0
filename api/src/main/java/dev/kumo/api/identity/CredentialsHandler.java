package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.credential.CredentialChanges;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Credential;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/credentials}: the blob travels as a string, e.g. a serialised JSON document for ec2. */
final class CredentialsHandler {
    private static final String BASE = IdentityApi.V3 + "/credentials";
    private static final Set<String> FIELDS = Set.of("id", "user_id", "project_id", "type", "blob", "links");

    private final IdentityServices services;
    private final Callers callers;

    CredentialsHandler(IdentityServices services, Callers callers) {
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
        var in = changes(JsonFields.wrapped(Json.body(ctx), "credential"));
        Credential c = services.credentials().create(callers.require(ctx), in);
        Json.write(ctx, 201, Json.object().set("credential", view(ctx, c)));
    }

    private void list(Context ctx) {
        var list = services.credentials().list(callers.require(ctx), Queries.string(ctx, "user_id"),
                Queries.string(ctx, "type"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "credentials", list, c -> view(ctx, c)));
    }

    private void get(Context ctx) {
        Credential c = services.credentials().get(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("credential", view(ctx, c)));
    }

    private void update(Context ctx) {
        String id = ctx.pathParam("id");
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "credential");
        if (in.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field 'credential': give at least one attribute to change.");
        }
        String bodyId = JsonFields.string(in, "id");
        if (bodyId != null && !bodyId.equals(id)) {
            throw CloudError.badRequest("Cannot change the ID of credential %s to %s: ids are fixed.", id, bodyId);
        }
        Credential c = services.credentials().update(callers.require(ctx), id, changes(in));
        Json.write(ctx, 200, Json.object().set("credential", view(ctx, c)));
    }

    private void delete(Context ctx) {
        services.credentials().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static CredentialChanges changes(ObjectNode in) {
        return new CredentialChanges(JsonFields.string(in, "user_id"), JsonFields.nullableString(in, "project_id"),
                JsonFields.string(in, "type"), JsonFields.string(in, "blob"), JsonFields.extra(in, FIELDS));
    }

    static ObjectNode view(Context ctx, Credential c) {
        var node = Json.object().put("id", c.id()).put("user_id", c.userId()).put("project_id", c.projectId())
                .put("type", c.type()).put("blob", c.blob());
        node.set("links", IdentityViews.selfLink(ctx, "/credentials/" + c.id()));
        IdentityViews.putExtra(node, c.extra());
        return node;
    }
}
