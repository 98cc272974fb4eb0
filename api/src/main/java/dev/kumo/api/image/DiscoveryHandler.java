package dev.kumo.api.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Version discovery ({@code /image} answers 300 as Glance's root does, {@code /image/versions} 200 for the glance
 * CLI), the schemas, and the info documents ({@code /v2/info/import}, {@code /v2/info/stores}).
 */
final class DiscoveryHandler {
    /** Glance Zed's API versions, newest first: v2.16 is current, the rest supported. */
    static final List<String> VERSIONS = List.of("v2.16", "v2.15", "v2.14", "v2.13", "v2.12", "v2.11", "v2.10",
            "v2.9", "v2.8", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0");

    private final Callers callers;

    DiscoveryHandler(Callers callers) {
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(ImageApi.PREFIX, ctx -> Json.write(ctx, 300, versions(ctx)));
        routes.get(ImageApi.PREFIX + "/versions", ctx -> Json.write(ctx, 200, versions(ctx)));
        routes.get(ImageApi.V2 + "/schemas/image", ctx -> schema(ctx, ImageSchemas.image()));
        routes.get(ImageApi.V2 + "/schemas/images", ctx -> schema(ctx, ImageSchemas.images()));
        routes.get(ImageApi.V2 + "/schemas/member", ctx -> schema(ctx, ImageSchemas.member()));
        routes.get(ImageApi.V2 + "/schemas/members", ctx -> schema(ctx, ImageSchemas.members()));
        routes.get(ImageApi.V2 + "/info/import", this::importInfo);
        routes.get(ImageApi.V2 + "/info/stores", this::stores);
    }

    private static ObjectNode versions(Context ctx) {
        var body = Json.object();
        var list = body.putArray("versions");
        String href = Links.base(ctx) + ImageApi.V2 + "/";
        for (String id : VERSIONS) {
            list.addObject().put("id", id).put("status", id.equals(VERSIONS.getFirst()) ? "CURRENT" : "SUPPORTED")
                    .putArray("links").addObject().put("rel", "self").put("href", href);
        }
        return body;
    }

    private void schema(Context ctx, ObjectNode schema) {
        callers.require(ctx);
        Json.write(ctx, 200, schema);
    }

    private void importInfo(Context ctx) {
        callers.require(ctx);
        var body = Json.object();
        body.putObject("import-methods").put("description", "Import methods available.").put("type", "array")
                .putArray("value").add("glance-direct");
        Json.write(ctx, 200, body);
    }

    private void stores(Context ctx) {
        callers.require(ctx);
        var body = Json.object();
        body.putArray("stores").addObject().put("id", "file")
                .put("description", "Files under kumo's state directory").put("default", true);
        Json.write(ctx, 200, body);
    }
}
