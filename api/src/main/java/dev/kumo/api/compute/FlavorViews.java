package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.core.compute.flavor.Flavor;
import io.javalin.http.Context;

/** Flavors as Nova shows them, by microversion. */
final class FlavorViews {
    private FlavorViews() {}

    static ObjectNode summary(Context ctx, Flavor f) {
        var o = Json.object().put("id", f.id()).put("name", f.name());
        if (Microversion.of(ctx).atLeast(2, 55)) {
            o.put("description", f.description());
        }
        links(ctx, o, "flavors", f.id());
        return o;
    }

    static ObjectNode detail(Context ctx, Flavor f) {
        Microversion v = Microversion.of(ctx);
        var o = summary(ctx, f);
        o.put("ram", f.ramMb()).put("disk", f.diskGb()).put("vcpus", f.vcpus())
                .put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb()).put("OS-FLV-DISABLED:disabled", f.disabled())
                .put("rxtx_factor", f.rxtxFactor()).put("os-flavor-access:is_public", f.isPublic());
        if (v.atLeast(2, 75) || f.swapMb() != 0) {
            o.put("swap", f.swapMb());
        } else {
            o.put("swap", "");
        }
        if (v.atLeast(2, 61)) {
            var specs = o.putObject("extra_specs");
            f.extraSpecs().forEach(specs::put);
        }
        return o;
    }

    static void links(Context ctx, ObjectNode o, String collection, String id) {
        var links = o.putArray("links");
        links.addObject().put("rel", "self").put("href", Links.base(ctx) + ComputeApi.V21 + "/" + collection + "/" + id);
        links.addObject().put("rel", "bookmark").put("href", Links.base(ctx) + ComputeApi.PREFIX + "/" + collection + "/" + id);
    }
}
