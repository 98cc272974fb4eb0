package dev.kumo.api.compute;

import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.quota.QuotaService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** {@code /limits} (absolute limits and usage) and {@code /os-quota-sets}. */
final class LimitsHandler {
    private static final java.util.Set<String> NETWORK_QUOTAS = java.util.Set.of("floating_ips", "fixed_ips",
            "security_groups", "security_group_rules", "networks");
    private final QuotaService quotas;
    private final ComputeCallers callers;

    LimitsHandler(QuotaService quotas, ComputeCallers callers) {
        this.quotas = quotas;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(ComputeApi.V21 + "/limits", this::limits);
        routes.get(ComputeApi.V21 + "/os-quota-sets/{project}", this::show);
        routes.get(ComputeApi.V21 + "/os-quota-sets/{project}/defaults", this::defaults);
        routes.put(ComputeApi.V21 + "/os-quota-sets/{project}", this::update);
    }

    private void limits(Context ctx) {
        var caller = callers.require(ctx);
        String project = caller.admin() && Queries.string(ctx, "tenant_id") != null ? Queries.string(ctx, "tenant_id")
                : caller.requireProject();
        Map<String, Integer> l = quotas.show(caller, project);
        var used = quotas.usage(project);
        var body = Json.object();
        var limits = body.putObject("limits");
        limits.putArray("rate");
        limits.putObject("absolute").put("maxTotalInstances", l.get("instances")).put("maxTotalCores", l.get("cores"))
                .put("maxTotalRAMSize", l.get("ram")).put("maxTotalKeypairs", l.get("key_pairs"))
                .put("maxServerMeta", l.get("metadata_items")).put("maxServerGroups", l.get("server_groups"))
                .put("maxServerGroupMembers", l.get("server_group_members")).put("maxImageMeta", 128)
                .put("maxPersonality", l.get("injected_files")).put("maxPersonalitySize", l.get("injected_file_content_bytes"))
                .put("maxSecurityGroups", -1).put("maxSecurityGroupRules", -1).put("maxTotalFloatingIps", -1)
                .put("totalInstancesUsed", used.instances()).put("totalCoresUsed", used.vcpus())
                .put("totalRAMUsed", used.ramMb()).put("totalServerGroupsUsed", 0)
                .put("totalSecurityGroupsUsed", 0).put("totalFloatingIpsUsed", 0);
        Json.write(ctx, 200, body);
    }

    private void show(Context ctx) {
        String project = ctx.pathParam("project");
        write(ctx, project, quotas.show(callers.require(ctx), project));
    }

    private void defaults(Context ctx) {
        callers.require(ctx);
        write(ctx, ctx.pathParam("project"), QuotaService.DEFAULTS);
    }

    private void update(Context ctx) {
        var b = NovaBody.wrapped(ctx, "quota_set");
        var changes = new HashMap<String, Integer>();
        b.fields().forEachRemaining(e -> {
            if (e.getKey().equals("force") || e.getKey().equals("tenant_id") || NETWORK_QUOTAS.contains(e.getKey())) {
                return;
            }
            changes.put(e.getKey(), NovaBody.integer(b, e.getKey(), 0));
        });
        String project = ctx.pathParam("project");
        var limits = quotas.update(callers.require(ctx), project, changes);
        var body = Json.object();
        var o = body.putObject("quota_set");
        visible(ctx, limits).forEach(o::put);
        Json.write(ctx, 200, body);
    }

    private static void write(Context ctx, String project, Map<String, Integer> limits) {
        var body = Json.object();
        var o = body.putObject("quota_set").put("id", project);
        visible(ctx, limits).forEach(o::put);
        Json.write(ctx, 200, body);
    }

    /**
     * The quota names a microversion shows: before 2.36 also the proxied network quotas (kumo does not
     * enforce them here; Neutron does), before 2.57 also the injected-file ones.
     */
    static Map<String, Integer> visible(Context ctx, Map<String, Integer> limits) {
        Microversion v = Microversion.of(ctx);
        var out = new java.util.LinkedHashMap<String, Integer>();
        limits.forEach((k, val) -> {
            if (!k.startsWith("injected_file") || !v.atLeast(2, 57)) {
                out.put(k, val);
            }
        });
        if (!v.atLeast(2, 36)) {
            out.put("floating_ips", 10);
            out.put("fixed_ips", -1);
            out.put("security_groups", 10);
            out.put("security_group_rules", 20);
        }
        return out;
    }
}
