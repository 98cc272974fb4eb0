package dev.kumo.api.network;

import dev.kumo.api.http.Json;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.tag.TaggedKind;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/** {@code /v2.0/{collection}/{id}/tags[/{tag}]} for every {@link TaggedKind}. */
final class TagsHandler {
    private static final String BASE = NetworkApi.V2 + "/{resources}/{id}/tags";

    private final NetworkServices services;
    private final NetworkCallers callers;

    TagsHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.put(BASE, this::replace);
        routes.delete(BASE, this::clear);
        routes.get(BASE + "/{tag}", this::check);
        routes.put(BASE + "/{tag}", this::add);
        routes.delete(BASE + "/{tag}", this::remove);
    }

    private void list(Context ctx) {
        List<String> tags = services.tags().list(callers.require(ctx), kind(ctx), ctx.pathParam("id"));
        write(ctx, 200, tags);
    }

    private void replace(Context ctx) {
        var caller = callers.require(ctx);
        var body = Json.body(ctx);
        var tags = body.get("tags");
        if (tags == null || !tags.isArray()) {
            throw NeutronErrors.badRequest("Invalid input for tags: a list of strings under 'tags' is expected");
        }
        List<String> values = new ArrayList<>();
        tags.forEach(t -> {
            if (!t.isTextual()) {
                throw NeutronErrors.invalidAttribute("tags", "'" + t + "' is not a valid string");
            }
            values.add(t.asText());
        });
        write(ctx, 200, services.tags().replace(caller, kind(ctx), ctx.pathParam("id"), values));
    }

    private void clear(Context ctx) {
        services.tags().clear(callers.require(ctx), kind(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void check(Context ctx) {
        services.tags().check(callers.require(ctx), kind(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
        ctx.status(204);
    }

    private void add(Context ctx) {
        services.tags().add(callers.require(ctx), kind(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
        ctx.status(201);
    }

    private void remove(Context ctx) {
        services.tags().remove(callers.require(ctx), kind(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
        ctx.status(204);
    }

    private static TaggedKind kind(Context ctx) {
        String collection = ctx.pathParam("resources");
        return TaggedKind.fromCollection(collection).orElseThrow(() ->
                NeutronErrors.notFound("HTTPNotFound", "The resource could not be found: %s have no tags here.", collection));
    }

    private static void write(Context ctx, int status, List<String> tags) {
        var body = Json.object();
        var array = body.putArray("tags");
        tags.forEach(array::add);
        Json.write(ctx, status, body);
    }
}
