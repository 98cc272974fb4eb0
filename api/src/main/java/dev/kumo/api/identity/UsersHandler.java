package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.group.GroupFilter;
import dev.kumo.core.identity.project.ProjectFilter;
import dev.kumo.core.identity.user.UserChanges;
import dev.kumo.core.identity.user.UserFilter;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.User;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v3/users}, with a user's password, projects and groups. */
final class UsersHandler {
    private static final String BASE = IdentityApi.V3 + "/users";
    /** Attributes that are fields, or that Keystone never stores; everything else is kept as extra. */
    private static final Set<String> FIELDS = Set.of("id", "name", "domain_id", "password", "enabled",
            "default_project_id", "description", "email", "links", "password_expires_at");
    private static final Set<String> PASSWORD_FIELDS = Set.of("password", "original_password");

    private final IdentityServices services;
    private final Callers callers;

    UsersHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        new CollectionRoutes<User, UserChanges>(BASE, "user", "users", callers, UsersHandler::changes, UsersHandler::view)
                .create(services.users()::create)
                .list((caller, ctx) -> services.users().list(caller, filter(ctx)))
                .get(services.users()::get)
                .update(services.users()::update)
                .delete(services.users()::delete)
                .register(routes);
        routes.post(BASE + "/{id}/password", this::changePassword);
        routes.get(BASE + "/{id}/projects", this::projects);
        routes.get(BASE + "/{id}/groups", this::groups);
    }

    /** No token needed: the original password authorises the change (Keystone's API is unenforced here). */
    private void changePassword(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "user");
        in.fieldNames().forEachRemaining(name -> {
            if (!PASSWORD_FIELDS.contains(name)) {
                throw CloudError.badRequest("Additional properties are not allowed ('%s' was unexpected).", name);
            }
        });
        String original = required(in, "original_password");
        String password = required(in, "password");
        services.users().changePassword(ctx.pathParam("id"), original, password);
        ctx.status(204);
    }

    private void projects(Context ctx) {
        var filter = new ProjectFilter(Queries.string(ctx, "name"), Queries.string(ctx, "domain_id"), null,
                Queries.bool(ctx, "enabled"), null, null, null, null);
        var projects = services.users().projects(callers.require(ctx), ctx.pathParam("id"), filter);
        Json.write(ctx, 200, IdentityViews.collection(ctx, "projects", projects, p -> ProjectsHandler.view(ctx, p)));
    }

    private void groups(Context ctx) {
        var filter = new GroupFilter(Queries.string(ctx, "name"), Queries.string(ctx, "domain_id"));
        var groups = services.groups().groupsOfUser(callers.require(ctx), ctx.pathParam("id"), filter);
        Json.write(ctx, 200, IdentityViews.collection(ctx, "groups", groups,
                g -> GroupsHandler.view(ctx, g).putNull("membership_expires_at")));
    }

    static UserFilter filter(Context ctx) {
        return new UserFilter(Queries.string(ctx, "name"), Queries.string(ctx, "domain_id"), Queries.bool(ctx, "enabled"));
    }

    private static String required(ObjectNode in, String field) {
        String value = JsonFields.string(in, field);
        if (value == null) {
            throw CloudError.badRequest("'%s' is a required property.", field);
        }
        return value;
    }

    private static UserChanges changes(ObjectNode in) {
        return new UserChanges(JsonFields.string(in, "name"), JsonFields.string(in, "domain_id"),
                JsonFields.string(in, "password"), JsonFields.bool(in, "enabled"),
                JsonFields.nullableString(in, "default_project_id"), JsonFields.nullableString(in, "description"),
                JsonFields.nullableString(in, "email"), JsonFields.extra(in, FIELDS));
    }

    /**
     * A user as Keystone shows one: {@code default_project_id} only when set, description and email (extra
     * attributes in Keystone) only when set, never the password.
     */
    static ObjectNode view(Context ctx, User u) {
        var node = Json.object().put("id", u.id()).put("name", u.name()).put("domain_id", u.domainId())
                .put("enabled", u.enabled());
        if (u.defaultProjectId() != null) {
            node.put("default_project_id", u.defaultProjectId());
        }
        if (u.description() != null) {
            node.put("description", u.description());
        }
        if (u.email() != null) {
            node.put("email", u.email());
        }
        node.put("password_expires_at", Json.keystoneTime(u.passwordExpiresAt()));
        Object options = u.extra().get("options");
        node.set("options", Json.MAPPER.valueToTree(options instanceof Map<?, ?> ? options : Map.of()));
        node.set("links", IdentityViews.selfLink(ctx, "/users/" + u.id()));
        IdentityViews.putExtra(node, u.extra());
        return node;
    }
}
