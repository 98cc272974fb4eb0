package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.policydocument.PolicyDocumentChanges;
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
        new CollectionRoutes<PolicyDocument, PolicyDocumentChanges>(BASE, "policy", "policies", callers,
                PoliciesHandler::changes, PoliciesHandler::view)
                .create(services.policies()::create)
                .list((caller, ctx) -> services.policies().list(caller, Queries.string(ctx, "type")))
                .get(services.policies()::get)
                .update(services.policies()::update)
                .delete(services.policies()::delete)
                .register(routes);
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
