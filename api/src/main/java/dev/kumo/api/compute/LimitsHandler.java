package dev.kumo.api.compute;

import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.quota.QuotaService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /limits}: absolute limits and usage. */
final class LimitsHandler {
    private final QuotaService quotas;
    private final ComputeCallers callers;

    LimitsHandler(QuotaService quotas, ComputeCallers callers) {
        this.quotas = quotas;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(ComputeApi.V21 + "/limits", this::limits);
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
}
