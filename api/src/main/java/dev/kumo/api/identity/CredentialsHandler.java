package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.credential.CredentialChanges;
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
        new CollectionRoutes<Credential, CredentialChanges>(BASE, "credential", "credentials", callers,
                CredentialsHandler::changes, CredentialsHandler::view)
                .create(services.credentials()::create)
                .list((caller, ctx) -> services.credentials().list(caller, Queries.string(ctx, "user_id"),
                        Queries.string(ctx, "type")))
                .get(services.credentials()::get)
                .update(services.credentials()::update)
                .delete(services.credentials()::delete)
                .register(routes);
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
