package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.catalog.RegionChanges;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Region;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/regions}: POST may carry an id, PUT /regions/{id} creates with that id. */
final class RegionsHandler {
    private static final String BASE = IdentityApi.V3 + "/regions";
    private static final Set<String> FIELDS = Set.of("id", "description", "parent_region_id", "links");

    private final IdentityServices services;
    private final Callers callers;

    RegionsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.put(BASE + "/{id}", this::createWithId);
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        var in = changes(JsonFields.wrapped(Json.body(ctx), "region"));
        Region r = services.catalog().createRegion(callers.require(ctx), in);
        Json.write(ctx, 201, Json.object().set("region", view(ctx, r)));
    }

    private void createWithId(Context ctx) {
        String id = ctx.pathParam("id");
        var in = changes(JsonFields.wrapped(Json.body(ctx), "region"));
        if (in.id() != null && !in.id().equals(id)) {
            throw CloudError.badRequest("Conflicting region IDs specified: \"%s\" != \"%s\"", id, in.id());
        }
        var withId = new RegionChanges(id, in.description(), in.parentGiven(), in.parentRegionId(), in.extra());
        Region r = services.catalog().createRegion(callers.require(ctx), withId);
        Json.write(ctx, 201, Json.object().set("region", view(ctx, r)));
    }

    private void list(Context ctx) {
        var regions = services.catalog().regions(callers.require(ctx), Queries.string(ctx, "parent_region_id"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "regions", regions, r -> view(ctx, r)));
    }

    private void get(Context ctx) {
        Region r = services.catalog().region(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("region", view(ctx, r)));
    }

    private void update(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "region");
        if (in.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field 'region': give at least one attribute to change.");
        }
        Region r = services.catalog().updateRegion(callers.require(ctx), ctx.pathParam("id"), changes(in));
        Json.write(ctx, 200, Json.object().set("region", view(ctx, r)));
    }

    private void delete(Context ctx) {
        services.catalog().deleteRegion(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** A null description means "" as in Keystone (its column cannot be null). */
    private static RegionChanges changes(ObjectNode in) {
        String description = JsonFields.string(in, "description");
        if (description == null && in.has("description")) {
            description = "";
        }
        return new RegionChanges(JsonFields.string(in, "id"), description, in.has("parent_region_id"),
                JsonFields.string(in, "parent_region_id"), JsonFields.extra(in, FIELDS));
    }

    static ObjectNode view(Context ctx, Region r) {
        var node = Json.object().put("id", r.id()).put("description", r.description())
                .put("parent_region_id", r.parentRegionId());
        node.set("links", IdentityViews.selfLink(ctx, "/regions/" + r.id()));
        IdentityViews.putExtra(node, r.extra());
        return node;
    }
}
