package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.flavor.Flavor;
import dev.kumo.core.compute.flavor.FlavorService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /flavors}, their extra specs and {@code os-flavor-access}. */
final class FlavorsHandler {
    private static final String FLAVORS = ComputeApi.V21 + "/flavors";

    private static final Set<String> TRUE_WORDS = Set.of("1", "t", "true", "on", "y", "yes");
    private static final Set<String> FALSE_WORDS = Set.of("0", "f", "false", "off", "n", "no");

    private final FlavorService flavors;
    private final ComputeCallers callers;

    FlavorsHandler(FlavorService flavors, ComputeCallers callers) {
        this.flavors = flavors;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(FLAVORS, ctx -> list(ctx, false));
        routes.get(FLAVORS + "/detail", ctx -> list(ctx, true));
        routes.post(FLAVORS, this::create);
        routes.get(FLAVORS + "/{id}", this::show);
        routes.put(FLAVORS + "/{id}", this::update);
        routes.delete(FLAVORS + "/{id}", this::delete);
        routes.get(FLAVORS + "/{id}/os-extra_specs", this::specs);
        routes.post(FLAVORS + "/{id}/os-extra_specs", this::addSpecs);
        routes.get(FLAVORS + "/{id}/os-extra_specs/{key}", this::spec);
        routes.put(FLAVORS + "/{id}/os-extra_specs/{key}", this::putSpec);
        routes.delete(FLAVORS + "/{id}/os-extra_specs/{key}", this::deleteSpec);
        routes.get(FLAVORS + "/{id}/os-flavor-access", this::access);
        routes.post(FLAVORS + "/{id}/action", this::action);
    }

    private void list(Context ctx, boolean detail) {
        var caller = callers.require(ctx);
        Boolean filter = caller.admin() ? isPublic(Queries.string(ctx, "is_public")) : Boolean.TRUE;
        int minRam = intQuery(ctx, "minRam");
        int minDisk = intQuery(ctx, "minDisk");
        List<Flavor> found = flavors.list(caller, filter).stream()
                .filter(f -> f.ramMb() >= minRam && f.diskGb() >= minDisk).toList();
        found = page(ctx, found);
        var body = Json.object();
        var array = body.putArray("flavors");
        found.forEach(f -> array.add(detail ? FlavorViews.detail(ctx, f) : FlavorViews.summary(ctx, f)));
        Json.write(ctx, 200, body);
    }

    /**
     * Nova's {@code is_public} filter, which only admins may set: absent means public (plus those shared with
     * the caller's project), "none" means all, anything else must be a boolean string.
     */
    private static Boolean isPublic(String value) {
        if (value == null) {
            return Boolean.TRUE;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return null;
        }
        if (TRUE_WORDS.contains(v)) {
            return Boolean.TRUE;
        }
        if (FALSE_WORDS.contains(v)) {
            return Boolean.FALSE;
        }
        throw ComputeErrors.badRequest("Invalid is_public filter [%s]", value);
    }

    private static List<Flavor> page(Context ctx, List<Flavor> all) {
        String marker = Queries.string(ctx, "marker");
        int from = 0;
        if (marker != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(marker)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ComputeErrors.badRequest("marker [%s] not found", marker);
            }
        }
        int limit = intQuery(ctx, "limit");
        int to = limit > 0 ? Math.min(all.size(), from + limit) : all.size();
        return all.subList(Math.min(from, all.size()), to);
    }

    private static int intQuery(Context ctx, String name) {
        String v = Queries.string(ctx, name);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ComputeErrors.badRequest("Invalid %s filter [%s]", name, v);
        }
    }

    private void show(Context ctx) {
        var f = flavors.get(callers.require(ctx), ctx.pathParam("id"));
        write(ctx, 200, f);
    }

    private void create(Context ctx) {
        var caller = callers.require(ctx);
        var b = NovaBody.wrapped(ctx, "flavor");
        JsonNode rxtx = b.get("rxtx_factor");
        JsonNode pub = b.get("os-flavor-access:is_public");
        JsonNode id = b.get("id");
        // Nova's schema takes the id as a string or an integer; null or absent means "make one"
        var in = new Flavor(id == null || id.isNull() ? "auto" : id.asText(),
                b.path("name").asText(null), NovaBody.integer(b, "vcpus", 0), NovaBody.integer(b, "ram", 0),
                NovaBody.integer(b, "disk", 0), NovaBody.integer(b, "OS-FLV-EXT-DATA:ephemeral", 0),
                NovaBody.integer(b, "swap", 0), rxtx == null ? 1.0 : rxtx.asDouble(),
                pub == null || pub.isNull() || !FALSE_WORDS.contains(pub.asText().toLowerCase(Locale.ROOT)), false, NovaBody.text(b, "description"), Map.of());
        write(ctx, 200, flavors.create(caller, in));
    }

    private void update(Context ctx) {
        var b = NovaBody.wrapped(ctx, "flavor");
        write(ctx, 200, flavors.updateDescription(callers.require(ctx), ctx.pathParam("id"), NovaBody.text(b, "description")));
    }

    private void delete(Context ctx) {
        flavors.delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(202);
    }

    private void write(Context ctx, int status, Flavor f) {
        var body = Json.object();
        body.set("flavor", FlavorViews.detail(ctx, f));
        Json.write(ctx, status, body);
    }

    private void specs(Context ctx) {
        var f = flavors.get(callers.require(ctx), ctx.pathParam("id"));
        writeSpecs(ctx, f.extraSpecs());
    }

    private void addSpecs(Context ctx) {
        var body = NovaBody.wrapped(ctx, "extra_specs");
        var specs = NovaBody.stringMap(Json.object().set("s", body), "s");
        writeSpecs(ctx, flavors.setExtraSpecs(callers.require(ctx), ctx.pathParam("id"), specs, false));
    }

    private void spec(Context ctx) {
        var f = flavors.get(callers.require(ctx), ctx.pathParam("id"));
        String key = ctx.pathParam("key");
        if (!f.extraSpecs().containsKey(key)) {
            throw ComputeErrors.notFound("Flavor %s has no extra specs with key %s.", f.id(), key);
        }
        Json.write(ctx, 200, Json.object().put(key, f.extraSpecs().get(key)));
    }

    private void putSpec(Context ctx) {
        String key = ctx.pathParam("key");
        var body = Json.body(ctx);
        if (body.size() != 1 || !body.has(key)) {
            throw ComputeErrors.badRequest("Request body and URI mismatch");
        }
        var specs = NovaBody.stringMap(Json.object().set("s", body), "s");
        flavors.setExtraSpecs(callers.require(ctx), ctx.pathParam("id"), specs, false);
        Json.write(ctx, 200, body);
    }

    private void deleteSpec(Context ctx) {
        flavors.deleteExtraSpec(callers.require(ctx), ctx.pathParam("id"), ctx.pathParam("key"));
        ctx.status(200);
    }

    private static void writeSpecs(Context ctx, Map<String, String> specs) {
        var body = Json.object();
        var o = body.putObject("extra_specs");
        specs.forEach(o::put);
        Json.write(ctx, 200, body);
    }

    private void access(Context ctx) {
        writeAccess(ctx, ctx.pathParam("id"), flavors.access(callers.require(ctx), ctx.pathParam("id")));
    }

    private void action(Context ctx) {
        var body = Json.body(ctx);
        boolean add = body.has("addTenantAccess");
        if (!add && !body.has("removeTenantAccess")) {
            throw ComputeErrors.badRequest("Invalid flavor action: addTenantAccess or removeTenantAccess expected.");
        }
        String tenant = body.path(add ? "addTenantAccess" : "removeTenantAccess").path("tenant").asText(null);
        if (tenant == null) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute tenant. 'tenant' is a required property");
        }
        String id = ctx.pathParam("id");
        writeAccess(ctx, id, flavors.changeAccess(callers.require(ctx), id, tenant, add));
    }

    private static void writeAccess(Context ctx, String id, List<String> projects) {
        var body = Json.object();
        var array = body.putArray("flavor_access");
        projects.forEach(p -> array.addObject().put("flavor_id", id).put("tenant_id", p));
        Json.write(ctx, 200, body);
    }
}
