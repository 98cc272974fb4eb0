package dev.kumo.api.identity;

import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Project;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** {@code /v3/projects/{id}/tags}: list, replace, clear; one tag: add (201), check (204), remove. */
final class ProjectTagsHandler {
    private static final String BASE = IdentityApi.V3 + "/projects/{id}/tags";
    private final IdentityServices services;
    private final Callers callers;

    ProjectTagsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, ctx -> tags(ctx, 200, services.projects().get(callers.require(ctx), ctx.pathParam("id"))));
        routes.put(BASE, this::replace);
        routes.delete(BASE, ctx -> {
            services.projects().setTags(callers.require(ctx), ctx.pathParam("id"), List.of());
            ctx.status(204);
        });
        routes.get(BASE + "/{tag}", this::check);
        routes.put(BASE + "/{tag}", ctx -> {
            services.projects().addTag(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
            ctx.status(201);
        });
        routes.delete(BASE + "/{tag}", ctx -> {
            services.projects().removeTag(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
            ctx.status(204);
        });
    }

    private void replace(Context ctx) {
        List<String> tags = JsonFields.strings(Json.body(ctx), "tags");
        if (tags == null) {
            throw CloudError.badRequest("'tags' is a required property.");
        }
        tags(ctx, 200, services.projects().setTags(callers.require(ctx), ctx.pathParam("id"), tags));
    }

    private void check(Context ctx) {
        Project p = services.projects().get(callers.require(ctx), ctx.pathParam("id"));
        if (!p.tags().contains(ctx.pathParam("tag"))) {
            throw CloudError.notFound("TagNotFound", "Tag %s not found on project %s.", ctx.pathParam("tag"), p.id());
        }
        ctx.status(204);
    }

    private static void tags(Context ctx, int status, Project p) {
        var body = Json.object();
        var array = body.putArray("tags");
        p.tags().forEach(array::add);
        Json.write(ctx, status, body);
    }
}
