package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.image.ImageFilter;
import dev.kumo.core.image.ImageService;
import dev.kumo.core.image.store.SortKey;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.image.Image;
import dev.kumo.model.image.MemberStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * Nova's image proxy ({@code /images}, gone from 2.36): Glance's images in Nova's shape — status SAVING until
 * active, {@code metadata} for the properties, {@code server} for a snapshot's instance — so that clients of
 * the older microversions (and tempest's images tests) can follow a createImage to ACTIVE and delete it.
 */
final class ImagesProxyHandler {
    private static final String IMAGES = ComputeApi.PREFIX + "/v2.1/images";

    private final ImageService images;
    private final ComputeCallers callers;

    ImagesProxyHandler(ImageService images, ComputeCallers callers) {
        this.images = images;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(IMAGES, ctx -> list(ctx, false));
        routes.get(IMAGES + "/detail", ctx -> list(ctx, true));
        routes.get(IMAGES + "/{id}", this::show);
        routes.delete(IMAGES + "/{id}", this::delete);
    }

    private static void requireProxy(Context ctx) {
        if (Microversion.of(ctx).atLeast(2, 36)) {
            throw ComputeErrors.notFound("The resource could not be found.");
        }
    }

    private void show(Context ctx) {
        requireProxy(ctx);
        var caller = callers.require(ctx);
        Image image = found(() -> images.get(caller.token(), ctx.pathParam("id")), ctx.pathParam("id"));
        var body = Json.object();
        body.set("image", view(ctx, image, true));
        Json.write(ctx, 200, body);
    }

    private void list(Context ctx, boolean detail) {
        requireProxy(ctx);
        var caller = callers.require(ctx);
        var filter = new ImageFilter(null, false, MemberStatus.ACCEPTED, null, null, null, null, null, null, null, null,
                null, null, null, null, false, List.of(), Map.of(), List.of(new SortKey(SortKey.Field.CREATED_AT, false)),
                ctx.queryParam("marker"), 1000);
        var body = Json.object();
        var array = body.putArray("images");
        var matching = images.list(caller.token(), filter).stream().filter(i -> matches(ctx, i)).toList();
        int limit = NovaBody.integer(Json.object().put("limit", ctx.queryParam("limit")), "limit", matching.size());
        matching.stream().limit(Math.max(0, limit)).forEach(i -> array.add(view(ctx, i, detail)));
        Json.write(ctx, 200, body);
    }

    /** Nova's proxy filters: name, status, server (id or URL), type (the image_type property), minDisk, minRam. */
    private static boolean matches(Context ctx, Image i) {
        String name = ctx.queryParam("name");
        String status = ctx.queryParam("status");
        String server = ctx.queryParam("server");
        String type = ctx.queryParam("type");
        String minDisk = ctx.queryParam("minDisk");
        String minRam = ctx.queryParam("minRam");
        String instance = i.properties().get("instance_uuid");
        return (name == null || name.equals(i.name()))
                && (status == null || status.equalsIgnoreCase(novaStatus(i)))
                && (server == null || (instance != null && instance.equals(server.substring(server.lastIndexOf('/') + 1))))
                && (type == null || type.equals(i.properties().get("image_type")))
                && (minDisk == null || !minDisk.matches("\\d+") || i.minDisk() >= Integer.parseInt(minDisk))
                && (minRam == null || !minRam.matches("\\d+") || i.minRam() >= Integer.parseInt(minRam));
    }

    private static String novaStatus(Image i) {
        return switch (i.status()) {
            case ACTIVE -> "ACTIVE";
            case KILLED, DEACTIVATED -> "ERROR";
            case DELETED, PENDING_DELETE -> "DELETED";
            default -> "SAVING";
        };
    }

    private void delete(Context ctx) {
        requireProxy(ctx);
        var caller = callers.require(ctx);
        String id = ctx.pathParam("id");
        found(() -> {
            images.delete(caller.token(), id);
            return null;
        }, id);
        ctx.status(204);
    }

    private static <T> T found(java.util.function.Supplier<T> call, String id) {
        try {
            return call.get();
        } catch (CloudException e) {
            if (e.error().status() == 404) {
                throw ComputeErrors.notFound("Image not found.");
            }
            throw e;
        }
    }

    /** Nova's image view: ACTIVE, SAVING (queued, saving, uploading, importing), ERROR or DELETED. */
    private static ObjectNode view(Context ctx, Image i, boolean detail) {
        var o = Json.object().put("id", i.id()).put("name", i.name());
        FlavorViews.links(ctx, o, "images", i.id());
        if (!detail) {
            return o;
        }
        String status = novaStatus(i);
        o.put("status", status).put("progress", status.equals("ACTIVE") ? 100 : status.equals("SAVING") ? 25 : 0)
                .put("minDisk", i.minDisk()).put("minRam", i.minRam())
                .put("created", NovaBody.time(i.createdAt())).put("updated", NovaBody.time(i.updatedAt()));
        if (i.size() != null) {
            o.put("OS-EXT-IMG-SIZE:size", i.size());
        }
        var metadata = o.putObject("metadata");
        i.properties().forEach(metadata::put);
        String instance = i.properties().get("instance_uuid");
        if (instance != null) {
            var server = o.putObject("server").put("id", instance);
            FlavorViews.links(ctx, server, "servers", instance);
        }
        return o;
    }
}
