package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.core.identity.role.RoleImplications;
import dev.kumo.core.identity.role.RoleInference;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v3/roles/{prior}/implies[/{implied}]} and {@code /v3/role_inferences}. */
final class ImpliedRolesHandler {
    private static final String LIST = RolesHandler.BASE + "/{prior}/implies";
    private static final String RULE = LIST + "/{implied}";

    private final IdentityServices services;
    private final Callers callers;

    ImpliedRolesHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.put(RULE, this::create);
        routes.get(RULE, this::get);
        routes.head(RULE, this::check);
        routes.delete(RULE, this::delete);
        routes.get(LIST, this::listForPrior);
        routes.get(IdentityApi.V3 + "/role_inferences", this::listAll);
    }

    private void create(Context ctx) {
        RoleInference rule = services.roles().imply(callers.require(ctx), ctx.pathParam("prior"), ctx.pathParam("implied"));
        Json.write(ctx, 201, ruleView(ctx, rule));
    }

    private void get(Context ctx) {
        RoleInference rule = services.roles().implication(callers.require(ctx), ctx.pathParam("prior"),
                ctx.pathParam("implied"), false);
        Json.write(ctx, 200, ruleView(ctx, rule));
    }

    /** Keystone answers HEAD with 204, not 200: kept for compatibility, as Keystone itself notes. */
    private void check(Context ctx) {
        services.roles().implication(callers.require(ctx), ctx.pathParam("prior"), ctx.pathParam("implied"), true);
        ctx.status(204);
    }

    private void delete(Context ctx) {
        services.roles().removeImplication(callers.require(ctx), ctx.pathParam("prior"), ctx.pathParam("implied"));
        ctx.status(204);
    }

    private void listForPrior(Context ctx) {
        RoleImplications implications = services.roles().implicationsOf(callers.require(ctx), ctx.pathParam("prior"));
        var body = Json.object();
        body.set("role_inference", implicationsView(ctx, implications));
        body.set("links", IdentityViews.selfLink(ctx, "/roles/" + implications.prior().id() + "/implies"));
        Json.write(ctx, 200, body);
    }

    /** Keystone's list of every rule carries no links. */
    private void listAll(Context ctx) {
        var body = Json.object();
        var array = body.putArray("role_inferences");
        services.roles().allImplications(callers.require(ctx)).forEach(i -> array.add(implicationsView(ctx, i)));
        Json.write(ctx, 200, body);
    }

    private static ObjectNode ruleView(Context ctx, RoleInference rule) {
        var body = Json.object();
        var inference = body.putObject("role_inference");
        inference.set("prior_role", RolesHandler.ref(ctx, rule.prior()));
        inference.set("implies", RolesHandler.ref(ctx, rule.implied()));
        body.set("links", IdentityViews.selfLink(ctx, "/roles/" + rule.prior().id() + "/implies/" + rule.implied().id()));
        return body;
    }

    private static ObjectNode implicationsView(Context ctx, RoleImplications implications) {
        var node = Json.object();
        node.set("prior_role", RolesHandler.ref(ctx, implications.prior()));
        var implies = node.putArray("implies");
        implications.implies().forEach(r -> implies.add(RolesHandler.ref(ctx, r)));
        return node;
    }
}
