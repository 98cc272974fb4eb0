package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.host.ComputeService;
import dev.kumo.core.compute.host.HostInventory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code os-services}: the nova-compute service of each host. Before 2.53 they are changed by host and binary
 * ({@code PUT /os-services/enable|disable|disable-log-reason|force-down}); from 2.53 by UUID
 * ({@code PUT /os-services/{id}} with status, disabled_reason and forced_down).
 */
final class ServicesHandler {
    private static final String SERVICES = ComputeApi.V21 + "/os-services";
    private static final String BINARY = "nova-compute";

    private final HostInventory inventory;
    private final ComputeCallers callers;

    ServicesHandler(HostInventory inventory, ComputeCallers callers) {
        this.inventory = inventory;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(SERVICES, this::list);
        routes.put(SERVICES + "/{action}", this::update);
    }

    private void list(Context ctx) {
        var caller = callers.require(ctx);
        String host = Queries.string(ctx, "host");
        String binary = Queries.string(ctx, "binary");
        var body = Json.object();
        var array = body.putArray("services");
        for (ComputeService s : inventory.services(caller)) {
            if ((host == null || host.equals(s.host())) && (binary == null || binary.equals(BINARY))) {
                array.add(view(ctx, s));
            }
        }
        Json.write(ctx, 200, body);
    }

    private ObjectNode view(Context ctx, ComputeService s) {
        Microversion v = Microversion.of(ctx);
        var o = Json.object();
        String id = HypervisorViews.serviceId(v, s.host(), s.id());
        if (v.atLeast(2, 53)) {
            o.put("id", id);
        } else {
            o.put("id", s.id());
        }
        o.put("binary", BINARY).put("host", s.host()).put("zone", s.zone())
                .put("status", s.disabled() ? "disabled" : "enabled").put("state", inventory.isUp(s) ? "up" : "down")
                .put("updated_at", NovaBody.time(s.lastSeen())).put("disabled_reason", s.disabledReason());
        if (v.atLeast(2, 11)) {
            o.put("forced_down", s.forcedDown());
        }
        return o;
    }

    private void update(Context ctx) {
        var caller = callers.require(ctx);
        if (Microversion.of(ctx).atLeast(2, 53)) {
            updateById(ctx, caller, ctx.pathParam("action"));
            return;
        }
        var b = Json.body(ctx);
        String action = ctx.pathParam("action");
        String host = requireHost(b);
        var out = Json.object().put("host", host).put("binary", BINARY);
        switch (action) {
            case "enable" -> out.put("status", status(inventory.setDisabled(caller, host, false, null)));
            case "disable" -> out.put("status", status(inventory.setDisabled(caller, host, true, null)));
            case "disable-log-reason" -> {
                String reason = reason(b.get("disabled_reason"), true);
                out.put("status", status(inventory.setDisabled(caller, host, true, reason))).put("disabled_reason", reason);
            }
            case "force-down" -> {
                if (!Microversion.of(ctx).atLeast(2, 11)) {
                    throw ComputeErrors.notFound("Unknown action");
                }
                out.put("forced_down", inventory.setForcedDown(caller, host, forcedDown(b.get("forced_down"))).forcedDown());
            }
            default -> throw ComputeErrors.notFound("Unknown action");
        }
        var body = Json.object();
        body.set("service", out);
        Json.write(ctx, 200, body);
    }

    private void updateById(Context ctx, ComputeCaller caller, String id) {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw ComputeErrors.badRequest("Invalid uuid %s", id);
        }
        ComputeService s = inventory.services(caller).stream()
                .filter(x -> HypervisorViews.serviceId(Microversion.of(ctx), x.host(), x.id()).equalsIgnoreCase(id))
                .findFirst().orElseThrow(() -> ComputeErrors.notFound("Service %s could not be found.", id));
        var b = Json.body(ctx);
        JsonNode status = b.get("status");
        if (status == null && !b.has("forced_down")) {
            throw ComputeErrors.badRequest("At least one of 'status' or 'forced_down' must be specified in the request body.");
        }
        String reason = reason(b.get("disabled_reason"), false);
        if (status != null) {
            if (!status.isTextual() || !status.asText().matches("enabled|disabled")) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute status. Value: %s. %s is not one of ['enabled', 'disabled']", status, status);
            }
            boolean disable = status.asText().equals("disabled");
            if (!disable && reason != null) {
                throw ComputeErrors.badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
            }
            s = inventory.setDisabled(caller, s.host(), disable, reason);
        } else if (reason != null) {
            throw ComputeErrors.badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
        }
        if (b.has("forced_down")) {
            s = inventory.setForcedDown(caller, s.host(), forcedDown(b.get("forced_down")));
        }
        var body = Json.object();
        body.set("service", view(ctx, s));
        Json.write(ctx, 200, body);
    }

    private static String requireHost(JsonNode b) {
        JsonNode host = b.get("host");
        JsonNode binary = b.get("binary");
        if (host == null || !host.isTextual() || binary == null || !binary.isTextual()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute service. 'host' and 'binary' are required properties");
        }
        if (!binary.asText().equals(BINARY)) {
            throw ComputeErrors.notFound("Compute host %s could not be found.", host.asText());
        }
        return host.asText();
    }

    private static String reason(JsonNode node, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw ComputeErrors.badRequest("Missing disabled reason field");
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > 255) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute disabled_reason. Value: %s.", node);
        }
        return node.asText();
    }

    private static boolean forcedDown(JsonNode node) {
        if (node == null || !node.isBoolean()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute forced_down. Value: %s. %s is not of type 'boolean'", node, node);
        }
        return node.asBoolean();
    }

    private static String status(ComputeService s) {
        return s.disabled() ? "disabled" : "enabled";
    }
}
