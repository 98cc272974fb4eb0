package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The five routes of a Keystone collection, written once: create (201), list, show, update (PATCH, at
 * least one attribute, the id unchanged) and delete (204). A handler supplies how to read changes from
 * the body, how to show one resource, and the service calls.
 *
 * @param <T> the resource
 * @param <C> the changes a create or update carries
 */
final class CollectionRoutes<T, C> {
    interface Create<T, C> {
        T apply(Token caller, C changes);
    }

    interface Update<T, C> {
        T apply(Token caller, String id, C changes);
    }

    interface Delete {
        void apply(Token caller, String id);
    }

    private final String base;
    private final String member;
    private final String collection;
    private final Callers callers;
    private final Function<ObjectNode, C> changes;
    private final BiFunction<Context, T, ObjectNode> view;
    private Create<T, C> create;
    private BiFunction<Token, Context, List<T>> list;
    private BiFunction<Token, String, T> get;
    private Update<T, C> update;
    private Delete delete;

    /** E.g. {@code ("/identity/v3/groups", "group", "groups", ...)}. */
    CollectionRoutes(String base, String member, String collection, Callers callers, Function<ObjectNode, C> changes,
                     BiFunction<Context, T, ObjectNode> view) {
        this.base = Objects.requireNonNull(base, "base");
        this.member = Objects.requireNonNull(member, "member");
        this.collection = Objects.requireNonNull(collection, "collection");
        this.callers = Objects.requireNonNull(callers, "callers");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.view = Objects.requireNonNull(view, "view");
    }

    CollectionRoutes<T, C> create(Create<T, C> call) {
        this.create = call;
        return this;
    }

    /** The list call gets the request to read its filters from the query string. */
    CollectionRoutes<T, C> list(BiFunction<Token, Context, List<T>> call) {
        this.list = call;
        return this;
    }

    CollectionRoutes<T, C> get(BiFunction<Token, String, T> call) {
        this.get = call;
        return this;
    }

    CollectionRoutes<T, C> update(Update<T, C> call) {
        this.update = call;
        return this;
    }

    CollectionRoutes<T, C> delete(Delete call) {
        this.delete = call;
        return this;
    }

    void register(RoutesConfig routes) {
        routes.post(base, ctx -> {
            T created = create.apply(callers.require(ctx), changes.apply(JsonFields.wrapped(Json.body(ctx), member)));
            one(ctx, 201, created);
        });
        routes.get(base, ctx -> Json.write(ctx, 200, IdentityViews.collection(ctx, collection,
                list.apply(callers.require(ctx), ctx), item -> view.apply(ctx, item))));
        routes.get(base + "/{id}", ctx -> one(ctx, 200, get.apply(callers.require(ctx), ctx.pathParam("id"))));
        routes.patch(base + "/{id}", ctx -> one(ctx, 200, update.apply(callers.require(ctx), ctx.pathParam("id"),
                changes.apply(updateBody(ctx)))));
        routes.delete(base + "/{id}", ctx -> {
            delete.apply(callers.require(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    /** Keystone's update schemas want at least one property, and an id in the body must be the same. */
    private ObjectNode updateBody(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), member);
        if (in.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field '%s': {} does not have enough properties; give at "
                    + "least one attribute to change.", member);
        }
        String bodyId = JsonFields.string(in, "id");
        if (bodyId != null && !bodyId.equals(ctx.pathParam("id"))) {
            throw CloudError.badRequest("Cannot change %s ID: it is %s, the body says %s.", member, ctx.pathParam("id"), bodyId);
        }
        return in;
    }

    private void one(Context ctx, int status, T resource) {
        ObjectNode body = Json.object();
        body.set(member, view.apply(ctx, resource));
        Json.write(ctx, status, body);
    }
}
