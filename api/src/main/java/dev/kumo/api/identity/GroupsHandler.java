package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.group.GroupChanges;
import dev.kumo.core.identity.group.GroupFilter;
import dev.kumo.model.identity.Group;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/groups} and their members. */
final class GroupsHandler {
    private static final String BASE = IdentityApi.V3 + "/groups";
    private static final String MEMBER = BASE + "/{id}/users/{userId}";
    private static final Set<String> FIELDS = Set.of("id", "name", "domain_id", "description", "links");

    private final IdentityServices services;
    private final Callers callers;

    GroupsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        new CollectionRoutes<Group, GroupChanges>(BASE, "group", "groups", callers, GroupsHandler::changes,
                GroupsHandler::view)
                .create(services.groups()::create)
                .list((caller, ctx) -> services.groups().list(caller,
                        new GroupFilter(Queries.string(ctx, "name"), Queries.string(ctx, "domain_id"))))
                .get(services.groups()::get)
                .update(services.groups()::update)
                .delete(services.groups()::delete)
                .register(routes);
        routes.get(BASE + "/{id}/users", this::members);
        routes.put(MEMBER, this::addMember);
        routes.head(MEMBER, this::checkMember);
        routes.get(MEMBER, this::checkMember);
        routes.delete(MEMBER, this::removeMember);
    }

    private void members(Context ctx) {
        var users = services.groups().members(callers.require(ctx), ctx.pathParam("id"), UsersHandler.filter(ctx));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "users", users, u -> UsersHandler.view(ctx, u)));
    }

    private void addMember(Context ctx) {
        services.groups().addMember(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("userId"));
        ctx.status(204);
    }

    private void checkMember(Context ctx) {
        services.groups().checkMember(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("userId"));
        ctx.status(204);
    }

    private void removeMember(Context ctx) {
        services.groups().removeMember(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("userId"));
        ctx.status(204);
    }

    private static GroupChanges changes(ObjectNode in) {
        return new GroupChanges(JsonFields.string(in, "name"), JsonFields.string(in, "domain_id"),
                JsonFields.nullableString(in, "description"), JsonFields.extra(in, FIELDS));
    }

    static ObjectNode view(Context ctx, Group g) {
        var node = Json.object().put("id", g.id()).put("name", g.name()).put("domain_id", g.domainId())
                .put("description", g.description());
        node.set("links", IdentityViews.selfLink(ctx, "/groups/" + g.id()));
        IdentityViews.putExtra(node, g.extra());
        return node;
    }
}
