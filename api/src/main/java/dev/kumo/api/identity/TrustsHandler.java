package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.api.http.Timestamps;
import dev.kumo.core.identity.trust.TrustRequest;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.Trust;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** {@code /v3/OS-TRUST/trusts}: create, show, list, delete (trusts cannot be updated), and their roles. */
final class TrustsHandler {
    private static final String BASE = IdentityApi.V3 + "/OS-TRUST/trusts";
    private final IdentityServices services;
    private final Callers callers;

    TrustsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", ctx -> one(ctx, 200, services.trusts().get(callers.require(ctx), ctx.pathParam("id"))));
        routes.delete(BASE + "/{id}", ctx -> {
            services.trusts().delete(callers.require(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
        routes.get(BASE + "/{id}/roles", this::roles);
        routes.get(BASE + "/{id}/roles/{roleId}", this::role);
        routes.head(BASE + "/{id}/roles/{roleId}", this::role);
    }

    private void create(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "trust");
        var request = new TrustRequest(JsonFields.string(in, "trustor_user_id"), JsonFields.string(in, "trustee_user_id"),
                JsonFields.string(in, "project_id"), JsonFields.bool(in, "impersonation"),
                Timestamps.parse("expires_at", JsonFields.string(in, "expires_at")), remainingUses(in), roles(in));
        one(ctx, 201, services.trusts().create(callers.require(ctx), request));
    }

    private void list(Context ctx) {
        var trusts = services.trusts().list(callers.require(ctx), Queries.string(ctx, "trustor_user_id"),
                Queries.string(ctx, "trustee_user_id"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "trusts", trusts, t -> view(ctx, t)));
    }

    private void roles(Context ctx) {
        var roles = services.trusts().roles(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "roles", roles, r -> RolesHandler.view(ctx, r)));
    }

    private void role(Context ctx) {
        Role role = services.trusts().role(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("roleId"));
        ObjectNode body = Json.object();
        body.set("role", RolesHandler.view(ctx, role));
        Json.write(ctx, 200, body);
    }

    private void one(Context ctx, int status, Trust trust) {
        ObjectNode body = Json.object();
        body.set("trust", view(ctx, trust));
        Json.write(ctx, status, body);
    }

    private ObjectNode view(Context ctx, Trust t) {
        var node = Json.object().put("id", t.id()).put("trustor_user_id", t.trustorUserId())
                .put("trustee_user_id", t.trusteeUserId()).put("project_id", t.projectId())
                .put("impersonation", t.impersonation()).put("expires_at", Json.keystoneTime(t.expiresAt()))
                .put("allow_redelegation", false).put("redelegation_count", 0).putNull("redelegated_trust_id");
        if (t.remainingUses() == null) {
            node.putNull("remaining_uses");
        } else {
            node.put("remaining_uses", t.remainingUses());
        }
        var roles = node.putArray("roles");
        var s = services.state().current();
        t.roleIds().forEach(id -> s.role(id).ifPresent(r -> roles.add(RolesHandler.view(ctx, r))));
        node.putObject("roles_links").putNull("self").putNull("previous").putNull("next");
        node.set("links", IdentityViews.selfLink(ctx, "/OS-TRUST/trusts/" + t.id()));
        return node;
    }

    private static Integer remainingUses(ObjectNode in) {
        JsonNode v = in.get("remaining_uses");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw CloudError.badRequest("Invalid input for field 'remaining_uses': expected a whole number or null.");
        }
        return v.asInt();
    }

    private static List<TrustRequest.RoleRef> roles(ObjectNode in) {
        JsonNode v = in.get("roles");
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw CloudError.badRequest("Invalid input for field 'roles': expected a list of {\"id\"} or {\"name\"}.");
        }
        List<TrustRequest.RoleRef> refs = new ArrayList<>();
        for (JsonNode r : v) {
            if (!r.isObject() || (JsonFields.string(r, "id") == null && JsonFields.string(r, "name") == null)) {
                throw CloudError.badRequest("Invalid input for field 'roles': each role needs an 'id' or a 'name'.");
            }
            refs.add(new TrustRequest.RoleRef(JsonFields.string(r, "id"), JsonFields.string(r, "name")));
        }
        return refs;
    }
}
