package dev.kumo.api.network;

import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * Version discovery, unauthenticated as in Neutron: {@code /network} lists v2.0 (the catalog URL is version-less,
 * so clients start here); {@code /network/v2.0} lists the resource collections.
 */
final class VersionsHandler {
    private static final List<String[]> RESOURCES = List.of(new String[] {"network", "networks"},
            new String[] {"subnet", "subnets"}, new String[] {"port", "ports"}, new String[] {"quota", "quotas"},
            new String[] {"availability_zone", "availability_zones"}, new String[] {"extension", "extensions"});

    void register(RoutesConfig routes) {
        routes.get(NetworkApi.PREFIX, this::versions);
        routes.get(NetworkApi.V2, this::resources);
    }

    private void versions(Context ctx) {
        var body = Json.object();
        var version = body.putArray("versions").addObject().put("id", "v2.0").put("status", "CURRENT");
        version.putArray("links").addObject().put("href", Links.base(ctx) + NetworkApi.V2 + "/").put("rel", "self");
        Json.write(ctx, 200, body);
    }

    private void resources(Context ctx) {
        var body = Json.object();
        var list = body.putArray("resources");
        for (String[] r : RESOURCES) {
            var item = list.addObject();
            item.putArray("links").addObject().put("href", Links.base(ctx) + NetworkApi.V2 + "/" + r[1]).put("rel", "self");
            item.put("name", r[0]).put("collection", r[1]);
        }
        Json.write(ctx, 200, body);
    }
}
