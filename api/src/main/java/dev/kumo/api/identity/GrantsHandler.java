package dev.kumo.api.identity;

import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.core.identity.assignment.GrantTarget;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.TargetType;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.function.Function;

/**
 * Role grants: {@code /v3/{projects|domains}/{id}/{users|groups}/{id}/roles[/{role}]},
 * {@code /v3/system/{users|groups}/{id}/roles[/{role}]} and their OS-INHERIT forms
 * {@code /v3/OS-INHERIT/{domains|projects}/{id}/{users|groups}/{id}/roles/{role}/inherited_to_projects}
 * (listable for domains only, as in Keystone). PUT, HEAD, GET and DELETE of one grant answer 204.
 */
final class GrantsHandler {
    private final IdentityServices services;
    private final Callers callers;

    GrantsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        for (ActorType actor : ActorType.values()) {
            String actorPath = "/" + (actor == ActorType.USER ? "users" : "groups") + "/{actor}/roles";
            for (TargetType target : new TargetType[] {TargetType.PROJECT, TargetType.DOMAIN}) {
                String targetPath = "/" + (target == TargetType.PROJECT ? "projects" : "domains") + "/{target}";
                String direct = IdentityApi.V3 + targetPath + actorPath;
                grant(routes, direct, direct + "/{role}", ctx -> on(ctx, actor, target, false));
                String inherited = IdentityApi.V3 + "/OS-INHERIT" + targetPath + actorPath;
                grant(routes, target == TargetType.DOMAIN ? inherited + "/inherited_to_projects" : null,
                        inherited + "/{role}/inherited_to_projects", ctx -> on(ctx, actor, target, true));
            }
            String system = IdentityApi.V3 + "/system" + actorPath;
            grant(routes, system, system + "/{role}", ctx -> GrantTarget.system(actor, ctx.pathParam("actor")));
        }
    }

    /** The routes of one kind of grant; {@code list} is null where Keystone has no list. */
    private void grant(RoutesConfig routes, String list, String member, Function<Context, GrantTarget> target) {
        routes.put(member, ctx -> {
            services.assignments().grant(callers.require(ctx), target.apply(ctx), ctx.pathParam("role"));
            ctx.status(204);
        });
        routes.head(member, ctx -> check(ctx, target));
        routes.get(member, ctx -> check(ctx, target));
        routes.delete(member, ctx -> {
            services.assignments().revoke(callers.require(ctx), target.apply(ctx), ctx.pathParam("role"));
            ctx.status(204);
        });
        if (list != null) {
            routes.get(list, ctx -> {
                var roles = services.assignments().roles(callers.require(ctx), target.apply(ctx));
                Json.write(ctx, 200, IdentityViews.collection(ctx, "roles", roles, r -> RolesHandler.view(ctx, r)));
            });
        }
    }

    private void check(Context ctx, Function<Context, GrantTarget> target) {
        services.assignments().check(callers.require(ctx), target.apply(ctx), ctx.pathParam("role"));
        ctx.status(204);
    }

    private static GrantTarget on(Context ctx, ActorType actor, TargetType target, boolean inherited) {
        return new GrantTarget(actor, ctx.pathParam("actor"), target, ctx.pathParam("target"), inherited);
    }
}
