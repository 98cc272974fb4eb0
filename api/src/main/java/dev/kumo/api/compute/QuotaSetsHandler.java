package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.quota.QuotaNames;
import dev.kumo.core.compute.quota.QuotaService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /os-quota-sets} (show, detail, defaults, update and revert, per project or per user with
 * {@code ?user_id=}) and {@code /os-quota-class-sets} (the "default" class sets every project's defaults).
 */
final class QuotaSetsHandler {
    private static final String SETS = ComputeApi.V21 + "/os-quota-sets/{project}";
    private static final String CLASSES = ComputeApi.V21 + "/os-quota-class-sets/{class}";

    private final QuotaService quotas;
    private final ComputeCallers callers;

    QuotaSetsHandler(QuotaService quotas, ComputeCallers callers) {
        this.quotas = quotas;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(SETS, this::show);
        routes.get(SETS + "/detail", this::detail);
        routes.get(SETS + "/defaults", this::defaults);
        routes.put(SETS, this::update);
        routes.delete(SETS, this::revert);
        routes.get(CLASSES, this::showClass);
        routes.put(CLASSES, this::updateClass);
    }

    private void show(Context ctx) {
        String project = ctx.pathParam("project");
        var limits = quotas.show(callers.require(ctx), project, Queries.string(ctx, "user_id"));
        write(ctx, "quota_set", project, setKeys(ctx, limits));
    }

    private void detail(Context ctx) {
        String project = ctx.pathParam("project");
        var limits = setKeys(ctx, quotas.show(callers.require(ctx), project, Queries.string(ctx, "user_id")));
        var used = quotas.usage(project);
        Map<String, Long> inUse = Map.of("instances", (long) used.instances(), "cores", (long) used.vcpus(),
                "ram", used.ramMb(), "server_groups", (long) quotas.serverGroupsInUse(project));
        var body = Json.object();
        var o = body.putObject("quota_set").put("id", project);
        limits.forEach((k, v) -> o.putObject(k).put("limit", v).put("in_use", inUse.getOrDefault(k, 0L)).put("reserved", 0));
        Json.write(ctx, 200, body);
    }

    private void defaults(Context ctx) {
        callers.require(ctx);
        write(ctx, "quota_set", ctx.pathParam("project"), setKeys(ctx, quotas.defaults()));
    }

    private void update(Context ctx) {
        var changes = changes(NovaBody.wrapped(ctx, "quota_set"));
        var limits = quotas.update(callers.require(ctx), ctx.pathParam("project"), Queries.string(ctx, "user_id"), changes);
        write(ctx, "quota_set", null, setKeys(ctx, limits));
    }

    private void revert(Context ctx) {
        quotas.revert(callers.require(ctx), ctx.pathParam("project"), Queries.string(ctx, "user_id"));
        ctx.status(202);
    }

    private void showClass(Context ctx) {
        String name = ctx.pathParam("class");
        write(ctx, "quota_class_set", name, classKeys(ctx, quotas.showClass(callers.require(ctx), name)));
    }

    private void updateClass(Context ctx) {
        String name = ctx.pathParam("class");
        if (name.length() > 255) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute id. Value: %s. is too long", name);
        }
        var changes = changes(NovaBody.wrapped(ctx, "quota_class_set"));
        write(ctx, "quota_class_set", null, classKeys(ctx, quotas.updateClass(callers.require(ctx), name, changes)));
    }

    /** The body's limits; {@code force} and {@code tenant_id} are options, not quotas, and "networks" is nova-network's. */
    private static Map<String, Integer> changes(ObjectNode b) {
        var changes = new LinkedHashMap<String, Integer>();
        b.fields().forEachRemaining(e -> {
            String key = e.getKey();
            if (!key.equals("force") && !key.equals("tenant_id") && !key.equals("networks")) {
                changes.put(key, NovaBody.integer(b, key, 0));
            }
        });
        return changes;
    }

    private static void write(Context ctx, String wrapper, String id, Map<String, Integer> limits) {
        var body = Json.object();
        var o = body.putObject(wrapper);
        if (id != null) {
            o.put("id", id);
        }
        limits.forEach(o::put);
        Json.write(ctx, 200, body);
    }

    /** Quota sets show the network quotas before 2.36 and the injected-file ones before 2.57. */
    static Map<String, Integer> setKeys(Context ctx, Map<String, Integer> limits) {
        Microversion v = Microversion.of(ctx);
        var out = new LinkedHashMap<String, Integer>();
        limits.forEach((k, val) -> {
            boolean hidden = QuotaNames.NETWORK.contains(k) && v.atLeast(2, 36)
                    || QuotaNames.INJECTED_FILES.contains(k) && v.atLeast(2, 57);
            if (!hidden) {
                out.put(k, val);
            }
        });
        return out;
    }

    /** Quota classes: network quotas before 2.50, server groups from 2.50, injected files before 2.57. */
    private static Map<String, Integer> classKeys(Context ctx, Map<String, Integer> limits) {
        Microversion v = Microversion.of(ctx);
        var out = new LinkedHashMap<String, Integer>();
        limits.forEach((k, val) -> {
            boolean hidden = QuotaNames.NETWORK.contains(k) && v.atLeast(2, 50)
                    || QuotaNames.SERVER_GROUPS.contains(k) && !v.atLeast(2, 50)
                    || QuotaNames.INJECTED_FILES.contains(k) && v.atLeast(2, 57);
            if (!hidden) {
                out.put(k, val);
            }
        });
        return out;
    }
}
