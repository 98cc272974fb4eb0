package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.ServerTags;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** {@code /servers/{id}/tags} (from 2.26): list, replace, clear; one tag: check, add, remove. */
final class ServerTagsHandler {
    private static final String TAGS = ServersHandler.SERVERS + "/{id}/tags";

    private final ServerTags tags;
    private final ComputeCallers callers;

    ServerTagsHandler(ServerTags tags, ComputeCallers callers) {
        this.tags = tags;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(TAGS, this::list);
        routes.put(TAGS, this::replace);
        routes.delete(TAGS, this::clear);
        routes.get(TAGS + "/{tag}", this::check);
        routes.put(TAGS + "/{tag}", this::add);
        routes.delete(TAGS + "/{tag}", this::remove);
    }

    private ComputeCaller caller(Context ctx) {
        if (!Microversion.of(ctx).atLeast(2, 26)) {
            throw ComputeErrors.notFound("The resource could not be found.");
        }
        return callers.require(ctx);
    }

    private void list(Context ctx) {
        write(ctx, tags.list(caller(ctx), ctx.pathParam("id")));
    }

    private void replace(Context ctx) {
        var caller = caller(ctx);
        JsonNode given = Json.body(ctx).get("tags");
        if (given == null || !given.isArray()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute tags. Value: %s. 'tags' is a required array", given);
        }
        var list = new ArrayList<String>();
        given.forEach(t -> list.add(t.isTextual() ? t.asText() : null));
        write(ctx, tags.replace(caller, ctx.pathParam("id"), list));
    }

    private void clear(Context ctx) {
        tags.removeAll(caller(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void check(Context ctx) {
        String tag = ctx.pathParam("tag");
        if (!tags.has(caller(ctx), ctx.pathParam("id"), tag)) {
            throw ComputeErrors.notFound("Tag %s could not be found.", tag);
        }
        ctx.status(204);
    }

    private void add(Context ctx) {
        String id = ctx.pathParam("id");
        String tag = ctx.pathParam("tag");
        boolean created = tags.add(caller(ctx), id, tag);
        ctx.header("Location", Links.base(ctx) + ServersHandler.SERVERS + "/" + id + "/tags/" + tag);
        ctx.status(created ? 201 : 204);
    }

    private void remove(Context ctx) {
        tags.remove(caller(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
        ctx.status(204);
    }

    private static void write(Context ctx, List<String> list) {
        var body = Json.object();
        var array = body.putArray("tags");
        list.forEach(array::add);
        Json.write(ctx, 200, body);
    }
}
