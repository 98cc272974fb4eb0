package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Version discovery: {@code /identity} lists the versions (300), {@code /identity/v3} describes v3. */
final class VersionHandler {
    /** Keystone Zed's identity API version. */
    static final String VERSION = "v3.14";

    void register(RoutesConfig routes) {
        routes.get(IdentityApi.PREFIX, this::versions);
        routes.get(IdentityApi.V3, ctx -> Json.write(ctx, 200, Json.object().set("version", version(ctx))));
    }

    private void versions(Context ctx) {
        var body = Json.object();
        body.putObject("versions").putArray("values").add(version(ctx));
        Json.write(ctx, 300, body);
    }

    static ObjectNode version(Context ctx) {
        var v = Json.object().put("id", VERSION).put("status", "stable").put("updated", "2020-04-07T00:00:00Z");
        v.putArray("links").addObject().put("rel", "self").put("href", Links.base(ctx) + IdentityApi.V3 + "/");
        v.putArray("media-types").addObject().put("base", "application/json")
                .put("type", "application/vnd.openstack.identity-v3+json");
        return v;
    }
}
