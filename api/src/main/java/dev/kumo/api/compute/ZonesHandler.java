package dev.kumo.api.compute;

import dev.kumo.api.http.Json;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.host.ComputeService;
import dev.kumo.core.compute.host.HostInventory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code os-availability-zone} and the (empty) list of host aggregates. */
final class ZonesHandler {
    private final HostInventory inventory;
    private final ComputeCallers callers;

    ZonesHandler(HostInventory inventory, ComputeCallers callers) {
        this.inventory = inventory;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(ComputeApi.V21 + "/os-availability-zone", ctx -> zones(ctx, false));
        routes.get(ComputeApi.V21 + "/os-availability-zone/detail", ctx -> zones(ctx, true));
        routes.get(ComputeApi.V21 + "/os-aggregates", this::aggregates);
    }

    /**
     * kumo has no host aggregates yet (each host's zone comes from the driver), so the list is empty; clients
     * such as {@code openstack hypervisor show} read it to name a host's aggregates.
     */
    private void aggregates(Context ctx) {
        if (!callers.require(ctx).admin()) {
            throw ComputeErrors.policy("os_compute_api:os-aggregates:index");
        }
        var body = Json.object();
        body.putArray("aggregates");
        Json.write(ctx, 200, body);
    }

    private void zones(Context ctx, boolean detail) {
        var caller = callers.require(ctx);
        var body = Json.object();
        var array = body.putArray("availabilityZoneInfo");
        for (String zone : inventory.zones()) {
            var z = array.addObject().put("zoneName", zone);
            z.putObject("zoneState").put("available", true);
            if (detail && caller.admin()) {
                var hosts = z.putObject("hosts");
                for (ComputeService s : inventory.services(caller)) {
                    if (s.zone().equals(zone)) {
                        hosts.putObject(s.host()).putObject("nova-compute").put("available", inventory.isUp(s))
                                .put("active", !s.disabled()).put("updated_at", NovaBody.time(s.lastSeen()));
                    }
                }
            } else {
                z.putNull("hosts");
            }
        }
        Json.write(ctx, 200, body);
    }
}
