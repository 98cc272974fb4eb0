package dev.kumo.api.compute;

import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.host.HostInventory;
import dev.kumo.core.compute.host.HostUptime;
import dev.kumo.core.compute.host.Hypervisor;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code os-hypervisors}: list, detail, show, uptime and statistics; before 2.53 also {@code /{pattern}/search}
 * and {@code /{pattern}/servers}, which 2.53 replaced by the {@code hypervisor_hostname_pattern} and
 * {@code with_servers} query parameters.
 */
final class HypervisorsHandler {
    private static final String HYPERVISORS = ComputeApi.V21 + "/os-hypervisors";

    private final HostInventory inventory;
    private final ComputeCallers callers;

    HypervisorsHandler(HostInventory inventory, ComputeCallers callers) {
        this.inventory = inventory;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(HYPERVISORS, ctx -> list(ctx, false));
        routes.get(HYPERVISORS + "/detail", ctx -> list(ctx, true));
        routes.get(HYPERVISORS + "/statistics", this::statistics);
        routes.get(HYPERVISORS + "/{id}", this::show);
        routes.get(HYPERVISORS + "/{id}/uptime", this::uptime);
        routes.get(HYPERVISORS + "/{pattern}/search", ctx -> search(ctx, false));
        routes.get(HYPERVISORS + "/{pattern}/servers", ctx -> search(ctx, true));
    }

    private void list(Context ctx, boolean detail) {
        var caller = callers.require(ctx);
        Microversion v = Microversion.of(ctx);
        List<Hypervisor> all = inventory.hypervisors(caller);
        String pattern = v.atLeast(2, 53) ? Queries.string(ctx, "hypervisor_hostname_pattern") : null;
        if (pattern != null) {
            all = matching(all, pattern);
        }
        List<Hypervisor> page = page(ctx, v, all);
        boolean withServers = v.atLeast(2, 53) && Queries.flag(ctx, "with_servers");
        var body = Json.object();
        var array = body.putArray("hypervisors");
        for (Hypervisor h : page) {
            var o = detail ? HypervisorViews.detail(v, h) : HypervisorViews.summary(v, h);
            if (withServers) {
                HypervisorViews.servers(o, inventory.serversOn(caller, h.capabilities().host()));
            }
            array.add(o);
        }
        String limit = Queries.string(ctx, "limit");
        if (v.atLeast(2, 33) && limit != null && !page.isEmpty() && page.size() == Integer.parseInt(limit)) {
            body.putArray("hypervisors_links").addObject().put("rel", "next").put("href", Links.base(ctx) + HYPERVISORS
                    + (detail ? "/detail" : "") + "?limit=" + limit + "&marker="
                    + HypervisorViews.id(v, page.get(page.size() - 1)));
        }
        Json.write(ctx, 200, body);
    }

    /** From 2.33: {@code limit} and {@code marker} (a hypervisor id) page the list. */
    private static List<Hypervisor> page(Context ctx, Microversion v, List<Hypervisor> all) {
        if (!v.atLeast(2, 33)) {
            return all;
        }
        String marker = Queries.string(ctx, "marker");
        int from = 0;
        if (marker != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (HypervisorViews.id(v, all.get(i)).equals(marker)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ComputeErrors.badRequest("marker [%s] not found", marker);
            }
        }
        String limit = Queries.string(ctx, "limit");
        int n = all.size();
        if (limit != null) {
            if (!limit.matches("\\d+")) {
                throw ComputeErrors.badRequest("Invalid input for query parameters limit. Value: %s. '%s' does not match '^[0-9]*$'", limit, limit);
            }
            n = Integer.parseInt(limit);
        }
        return all.subList(from, Math.min(all.size(), from + n));
    }

    private static List<Hypervisor> matching(List<Hypervisor> all, String pattern) {
        List<Hypervisor> found = all.stream().filter(h -> h.capabilities().host().contains(pattern)).toList();
        if (found.isEmpty()) {
            throw ComputeErrors.notFound("No hypervisor matching '%s' could be found.", pattern);
        }
        return found;
    }

    private Hypervisor find(Context ctx, ComputeCaller caller) {
        Microversion v = Microversion.of(ctx);
        String id = ctx.pathParam("id");
        if (v.atLeast(2, 53) && !id.matches("[0-9a-fA-F-]{36}")) {
            throw ComputeErrors.badRequest("Invalid uuid %s", id);
        }
        return inventory.hypervisors(caller).stream().filter(h -> HypervisorViews.id(v, h).equalsIgnoreCase(id))
                .findFirst().orElseThrow(() -> ComputeErrors.notFound("Hypervisor with ID %s could not be found.", id));
    }

    private void show(Context ctx) {
        var caller = callers.require(ctx);
        Microversion v = Microversion.of(ctx);
        Hypervisor h = find(ctx, caller);
        var o = HypervisorViews.detail(v, h);
        if (v.atLeast(2, 53) && Queries.flag(ctx, "with_servers")) {
            HypervisorViews.servers(o, inventory.serversOn(caller, h.capabilities().host()));
        }
        var body = Json.object();
        body.set("hypervisor", o);
        Json.write(ctx, 200, body);
    }

    private void uptime(Context ctx) {
        var caller = callers.require(ctx);
        var o = HypervisorViews.summary(Microversion.of(ctx), find(ctx, caller)).put("uptime", HostUptime.line());
        var body = Json.object();
        body.set("hypervisor", o);
        Json.write(ctx, 200, body);
    }

    private void search(Context ctx, boolean withServers) {
        var caller = callers.require(ctx);
        Microversion v = Microversion.of(ctx);
        if (v.atLeast(2, 53)) {
            throw ComputeErrors.notFound("The resource could not be found.");
        }
        var body = Json.object();
        var array = body.putArray("hypervisors");
        for (Hypervisor h : matching(inventory.hypervisors(caller), ctx.pathParam("pattern"))) {
            var o = HypervisorViews.summary(v, h);
            if (withServers) {
                HypervisorViews.servers(o, inventory.serversOn(caller, h.capabilities().host()));
            }
            array.add(o);
        }
        Json.write(ctx, 200, body);
    }

    private void statistics(Context ctx) {
        List<Hypervisor> all = inventory.hypervisors(callers.require(ctx));
        long vcpus = 0, vcpusUsed = 0, memory = 0, memoryUsed = 0, disk = 0, diskUsed = 0, running = 0;
        for (Hypervisor h : all) {
            vcpus += h.capabilities().vcpus();
            memory += h.capabilities().memoryMb();
            disk += h.capabilities().diskGb();
            vcpusUsed += h.used().vcpus();
            memoryUsed += h.ramUsedMb();
            diskUsed += h.used().diskGb();
            running += h.used().instances();
        }
        var body = Json.object();
        body.putObject("hypervisor_statistics").put("count", all.size()).put("vcpus", vcpus)
                .put("vcpus_used", vcpusUsed).put("memory_mb", memory).put("memory_mb_used", memoryUsed)
                .put("free_ram_mb", memory - memoryUsed).put("local_gb", disk).put("local_gb_used", diskUsed)
                .put("free_disk_gb", disk - diskUsed).put("disk_available_least", disk - diskUsed)
                .put("current_workload", 0).put("running_vms", running);
        Json.write(ctx, 200, body);
    }
}
