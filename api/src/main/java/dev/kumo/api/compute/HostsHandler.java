package dev.kumo.api.compute;

import dev.kumo.api.http.Json;
import dev.kumo.core.compute.host.ComputeService;
import dev.kumo.core.compute.host.HostInventory;
import dev.kumo.core.compute.host.Hypervisor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code os-availability-zone}, {@code os-hypervisors} and {@code os-services}. */
final class HostsHandler {
    private final HostInventory inventory;
    private final ComputeCallers callers;

    HostsHandler(HostInventory inventory, ComputeCallers callers) {
        this.inventory = inventory;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(ComputeApi.V21 + "/os-availability-zone", ctx -> zones(ctx, false));
        routes.get(ComputeApi.V21 + "/os-availability-zone/detail", ctx -> zones(ctx, true));
        routes.get(ComputeApi.V21 + "/os-hypervisors", ctx -> hypervisors(ctx, false));
        routes.get(ComputeApi.V21 + "/os-hypervisors/detail", ctx -> hypervisors(ctx, true));
        routes.get(ComputeApi.V21 + "/os-services", this::services);
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

    private void hypervisors(Context ctx, boolean detail) {
        var caller = callers.require(ctx);
        var body = Json.object();
        var array = body.putArray("hypervisors");
        for (Hypervisor h : inventory.hypervisors(caller)) {
            var o = array.addObject().put("id", h.service().id()).put("hypervisor_hostname", h.capabilities().host())
                    .put("state", h.up() ? "up" : "down").put("status", h.service().disabled() ? "disabled" : "enabled");
            if (detail) {
                var c = h.capabilities();
                o.put("vcpus", c.vcpus()).put("memory_mb", c.memoryMb()).put("local_gb", c.diskGb())
                        .put("vcpus_used", h.used().vcpus()).put("memory_mb_used", h.used().ramMb())
                        .put("local_gb_used", h.used().diskGb()).put("hypervisor_type", c.hypervisorType())
                        .put("hypervisor_version", 1000).put("free_ram_mb", c.memoryMb() - h.used().ramMb())
                        .put("free_disk_gb", c.diskGb() - h.used().diskGb()).put("current_workload", 0)
                        .put("running_vms", h.used().instances()).put("disk_available_least", c.diskGb() - h.used().diskGb())
                        .put("host_ip", "127.0.0.1").putNull("cpu_info");
                o.putObject("service").put("host", c.host()).put("id", h.service().id())
                        .put("disabled_reason", h.service().disabledReason());
            }
        }
        Json.write(ctx, 200, body);
    }

    private void services(Context ctx) {
        var caller = callers.require(ctx);
        var body = Json.object();
        var array = body.putArray("services");
        String host = dev.kumo.api.http.Queries.string(ctx, "host");
        String binary = dev.kumo.api.http.Queries.string(ctx, "binary");
        for (ComputeService s : inventory.services(caller)) {
            if ((host != null && !host.equals(s.host())) || (binary != null && !binary.equals("nova-compute"))) {
                continue;
            }
            array.addObject().put("id", s.id()).put("binary", "nova-compute").put("host", s.host())
                    .put("zone", s.zone()).put("status", s.disabled() ? "disabled" : "enabled")
                    .put("state", inventory.isUp(s) ? "up" : "down").put("updated_at", NovaBody.time(s.lastSeen()))
                    .put("disabled_reason", s.disabledReason());
            if (Microversion.of(ctx).atLeast(2, 11)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) array.get(array.size() - 1)).put("forced_down", false);
            }
        }
        Json.write(ctx, 200, body);
    }
}
