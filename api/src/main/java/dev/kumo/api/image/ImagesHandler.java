package dev.kumo.api.image;

import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.core.image.ImageFilter;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.image.Image;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code /v2/images}: create, list, show, JSON-patch update, delete, tags and the deactivate/reactivate actions. */
final class ImagesHandler {
    private static final String BASE = ImageApi.V2 + "/images";

    private final ImageServices services;
    private final Callers callers;

    ImagesHandler(ImageServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::show);
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
        routes.put(BASE + "/{id}/tags/{tag}", this::addTag);
        routes.delete(BASE + "/{id}/tags/{tag}", this::removeTag);
        routes.post(BASE + "/{id}/actions/deactivate", this::deactivate);
        routes.post(BASE + "/{id}/actions/reactivate", this::reactivate);
        routes.get(BASE + "/{id}/tasks", this::tasks);
    }

    private void tasks(Context ctx) {
        var tasks = services.images().tasks(callers.require(ctx), ctx.pathParam("id"));
        var body = Json.object();
        var array = body.putArray("tasks");
        tasks.forEach(t -> array.add(ImageViews.task(t)));
        Json.write(ctx, 200, body);
    }

    private void create(Context ctx) {
        var caller = callers.require(ctx);
        Image image = services.images().create(caller, ImageRequests.create(ctx));
        ctx.header("Location", "/v2/images/" + image.id());
        ctx.header("OpenStack-image-import-methods", "glance-direct");
        Json.write(ctx, 201, ImageViews.image(image));
    }

    private void list(Context ctx) {
        var caller = callers.require(ctx);
        if (ctx.path().endsWith("/")) {
            // GET /v2/images/ asks for the image with an empty id (Glance answers 404), not for the list
            throw CloudError.notFound("ImageNotFound", "No image found with ID ");
        }
        ImageFilter filter = ImageListParams.parse(ctx);
        List<Image> images = services.images().list(caller, filter);
        var body = Json.object();
        var array = body.putArray("images");
        images.forEach(i -> array.add(ImageViews.image(i)));
        String query = query(ctx.queryParamMap(), null);
        body.put("first", "/v2/images" + (query.isEmpty() ? "" : "?" + query));
        body.put("schema", "/v2/schemas/images");
        if (!images.isEmpty() && images.size() == filter.limit()) {
            body.put("next", "/v2/images?" + query(ctx.queryParamMap(), images.getLast().id()));
        }
        Json.write(ctx, 200, body);
    }

    private void show(Context ctx) {
        Image image = services.images().get(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, ImageViews.image(image));
    }

    private void update(Context ctx) {
        var caller = callers.require(ctx);
        Image image = services.images().update(caller, ctx.pathParam("id"), ImageRequests.patch(ctx));
        Json.write(ctx, 200, ImageViews.image(image));
    }

    private void delete(Context ctx) {
        services.images().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void addTag(Context ctx) {
        services.images().addTag(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
        ctx.status(204);
    }

    private void removeTag(Context ctx) {
        services.images().removeTag(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("tag"));
        ctx.status(204);
    }

    private void deactivate(Context ctx) {
        services.images().deactivate(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void reactivate(Context ctx) {
        services.images().reactivate(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** The request's query without its marker, plus {@code marker} when given (Glance's first and next links). */
    private static String query(Map<String, List<String>> params, String marker) {
        var joiner = new StringJoiner("&");
        params.forEach((k, values) -> {
            if (!k.equals("marker")) {
                values.forEach(v -> joiner.add(encode(k) + "=" + encode(v)));
            }
        });
        if (marker != null) {
            joiner.add("marker=" + encode(marker));
        }
        return joiner.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
