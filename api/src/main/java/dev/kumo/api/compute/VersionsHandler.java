package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Version documents, unauthenticated as in Nova: {@code /compute} lists v2.0 and v2.1, {@code /compute/v2.1} and {@code /compute/v2} show one. */
final class VersionsHandler {
    private static final String UPDATED = "2013-07-23T11:33:21Z";

    void register(RoutesConfig routes) {
        routes.get(ComputeApi.PREFIX, this::versions);
        routes.get(ComputeApi.V21, this::current);
        // The legacy v2 endpoint's document: the version list links to it, so clients follow it
        routes.get(ComputeApi.PREFIX + "/v2", this::legacy);
    }

    private void versions(Context ctx) {
        var body = Json.object();
        var list = body.putArray("versions");
        list.add(v20(ctx));
        list.add(v21(ctx));
        Json.write(ctx, 200, body);
    }

    private void current(Context ctx) {
        var body = Json.object();
        var v = v21(ctx);
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=2.1");
        body.set("version", v);
        Json.write(ctx, 200, body);
    }

    private void legacy(Context ctx) {
        var body = Json.object();
        var v = v20(ctx);
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.compute+json;version=2");
        body.set("version", v);
        Json.write(ctx, 200, body);
    }

    private static ObjectNode v21(Context ctx) {
        var v = Json.object().put("id", "v2.1").put("status", "CURRENT").put("version", Microversion.MAX.toString())
                .put("min_version", Microversion.MIN.toString()).put("updated", UPDATED);
        v.putArray("links").addObject().put("rel", "self").put("href", Links.base(ctx) + ComputeApi.V21 + "/");
        return v;
    }

    private static ObjectNode v20(Context ctx) {
        var v = Json.object().put("id", "v2.0").put("status", "DEPRECATED").put("version", "")
                .put("min_version", "").put("updated", "2011-01-21T11:33:21Z");
        v.putArray("links").addObject().put("rel", "self").put("href", Links.base(ctx) + ComputeApi.PREFIX + "/v2/");
        return v;
    }
}
