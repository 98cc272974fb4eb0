package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.host.ComputeService;
import dev.kumo.core.compute.host.HostInventory;
import dev.kumo.core.compute.host.Hypervisor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * The deprecated {@code os-hosts} API (gone from 2.43): hosts with their service and zone, a host's resources,
 * enabling and disabling it. Maintenance mode and power actions are the virt driver's in Nova and libvirt
 * does not implement them; kumo answers 501 as Nova on libvirt does.
 */
final class OsHostsHandler {
    private static final String HOSTS = ComputeApi.V21 + "/os-hosts";
    private static final Set<String> SWITCH = Set.of("enable", "disable");

    private final HostInventory inventory;
    private final ComputeCallers callers;

    OsHostsHandler(HostInventory inventory, ComputeCallers callers) {
        this.inventory = inventory;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(HOSTS, this::list);
        routes.get(HOSTS + "/{host}", this::show);
        routes.put(HOSTS + "/{host}", this::update);
        for (String action : new String[] {"startup", "shutdown", "reboot"}) {
            routes.get(HOSTS + "/{host}/" + action, ctx -> powerAction(ctx, action));
        }
    }

    private ComputeCaller caller(Context ctx) {
        if (Microversion.of(ctx).atLeast(2, 43)) {
            throw ComputeErrors.notFound("The resource could not be found.");
        }
        return callers.require(ctx);
    }

    private void list(Context ctx) {
        var caller = caller(ctx);
        String zone = Queries.string(ctx, "zone");
        var body = Json.object();
        var array = body.putArray("hosts");
        for (ComputeService s : inventory.services(caller)) {
            if (zone == null || zone.equals(s.zone())) {
                array.addObject().put("host_name", s.host()).put("service", "compute").put("zone", s.zone());
            }
        }
        Json.write(ctx, 200, body);
    }

    private Hypervisor find(ComputeCaller caller, String host) {
        return inventory.hypervisors(caller).stream().filter(h -> h.capabilities().host().equals(host)).findFirst()
                .orElseThrow(() -> ComputeErrors.notFound("Compute host %s could not be found.", host));
    }

    private void show(Context ctx) {
        Hypervisor h = find(caller(ctx), ctx.pathParam("host"));
        var c = h.capabilities();
        var body = Json.object();
        var array = body.putArray("host");
        array.addObject().putObject("resource").put("host", c.host()).put("project", "(total)")
                .put("cpu", c.vcpus()).put("memory_mb", c.memoryMb()).put("disk_gb", c.diskGb());
        for (String row : new String[] {"(used_now)", "(used_max)"}) {
            array.addObject().putObject("resource").put("host", c.host()).put("project", row)
                    .put("cpu", h.used().vcpus()).put("memory_mb", h.used().ramMb()).put("disk_gb", h.used().diskGb());
        }
        Json.write(ctx, 200, body);
    }

    private void update(Context ctx) {
        var caller = caller(ctx);
        JsonNode b = Json.body(ctx);
        String status = switchValue(b, "status");
        String maintenance = switchValue(b, "maintenance_mode");
        if (status == null && maintenance == null) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute. 'status' or 'maintenance_mode' is required");
        }
        String host = find(caller, ctx.pathParam("host")).capabilities().host();
        if (maintenance != null) {
            throw ComputeErrors.notImplemented("Virt driver does not implement host maintenance mode.");
        }
        boolean disabled = inventory.setDisabled(caller, host, status.equals("disable"), null).disabled();
        Json.write(ctx, 200, Json.object().put("host", host).put("status", disabled ? "disabled" : "enabled"));
    }

    private static String switchValue(JsonNode b, String field) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || !SWITCH.contains(n.asText().toLowerCase(java.util.Locale.ROOT))) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. %s is not one of ['enable', 'disable']",
                    field, n, n);
        }
        return n.asText().toLowerCase(java.util.Locale.ROOT);
    }

    private void powerAction(Context ctx, String action) {
        find(caller(ctx), ctx.pathParam("host"));
        throw ComputeErrors.notImplemented("Virt driver does not implement host %s.", action);
    }
}
