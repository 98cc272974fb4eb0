package dev.kumo.api.image;

import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.ImageMember;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /v2/images/{id}/members}: share an image with a project, accept or reject, list, show, remove. */
final class MembersHandler {
    private static final String BASE = ImageApi.V2 + "/images/{id}/members";

    private final ImageServices services;
    private final Callers callers;

    MembersHandler(ImageServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::add);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{member}", this::show);
        routes.put(BASE + "/{member}", this::update);
        routes.delete(BASE + "/{member}", this::remove);
    }

    private void add(Context ctx) {
        var caller = callers.require(ctx);
        var body = ImageRequests.object(ctx);
        if (!body.has("member")) {
            throw CloudError.badRequest("Member to be added not specified");
        }
        if (!body.get("member").isTextual() || body.get("member").asText().isEmpty()) {
            throw CloudError.badRequest("Member can't be empty");
        }
        ImageMember member = services.members().add(caller, ctx.pathParam("id"), body.get("member").asText());
        Json.write(ctx, 200, ImageViews.member(member));
    }

    private void list(Context ctx) {
        var members = services.members().list(callers.require(ctx), ctx.pathParam("id"));
        var body = Json.object();
        var array = body.putArray("members");
        members.forEach(m -> array.add(ImageViews.member(m)));
        body.put("schema", "/v2/schemas/members");
        Json.write(ctx, 200, body);
    }

    private void show(Context ctx) {
        ImageMember member = services.members().get(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("member"));
        Json.write(ctx, 200, ImageViews.member(member));
    }

    private void update(Context ctx) {
        var caller = callers.require(ctx);
        var body = ImageRequests.object(ctx);
        if (!body.has("status")) {
            throw CloudError.badRequest("Status not specified");
        }
        ImageMember member = services.members().setStatus(caller, ctx.pathParam("id"), ctx.pathParam("member"),
                body.get("status").asText());
        Json.write(ctx, 200, ImageViews.member(member));
    }

    private void remove(Context ctx) {
        services.members().remove(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("member"));
        ctx.status(204);
    }
}
