package dev.kumo.api.network;

import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.floatingip.PortForwardingRequest;
import dev.kumo.core.network.query.PageRequest;
import dev.kumo.model.network.PortForwarding;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code /v2.0/floatingips/{id}/port_forwardings}. */
final class PortForwardingsHandler {
    private static final String BASE = NetworkApi.V2 + "/floatingips/{fip}/port_forwardings";
    private static final Set<String> WRITABLE = Set.of("internal_port_id", "internal_ip_address", "internal_port",
            "external_port", "protocol", "description");
    private static final Set<String> READ_ONLY = Set.of("id", "project_id", "tenant_id");
    /** The attributes a list filters on, as their rendered text. */
    private static final Map<String, Function<PortForwarding, String>> FILTERS = Map.of(
            "id", PortForwarding::id, "internal_port_id", PortForwarding::internalPortId,
            "internal_ip_address", PortForwarding::internalIpAddress,
            "internal_port", pf -> Integer.toString(pf.internalPort()),
            "external_port", pf -> Integer.toString(pf.externalPort()), "protocol", PortForwarding::protocol,
            "description", PortForwarding::description);

    private final NetworkServices services;
    private final NetworkCallers callers;

    PortForwardingsHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.put(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        NeutronBody b = NeutronBody.checked(NeutronBody.single(Json.body(ctx), "port_forwarding"), WRITABLE, READ_ONLY,
                true);
        Responses.writeOne(ctx, 201, "port_forwarding", services.portForwardings().create(caller, ctx.pathParam("fip"),
                request(b)), PortForwardingsHandler::view);
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Predicate<PortForwarding> filter = pf -> true;
        for (var param : ctx.queryParamMap().entrySet()) {
            Function<PortForwarding, String> value = FILTERS.get(param.getKey());
            List<String> wanted = param.getValue().stream().filter(v -> !v.isEmpty()).toList();
            if (value != null && !wanted.isEmpty()) {
                filter = filter.and(pf -> wanted.contains(value.apply(pf)));
            }
        }
        // a floating IP has a handful: no sorting or pages
        Responses.writeList(ctx, "port_forwardings", services.portForwardings().list(caller, ctx.pathParam("fip"), filter),
                PortForwardingsHandler::view, PortForwarding::id, PageRequest.ALL);
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "port_forwarding", services.portForwardings().get(caller, ctx.pathParam("fip"),
                ctx.pathParam("id")), PortForwardingsHandler::view);
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        NeutronBody b = NeutronBody.checked(NeutronBody.single(Json.body(ctx), "port_forwarding"), WRITABLE, READ_ONLY,
                false);
        Responses.writeOne(ctx, 200, "port_forwarding", services.portForwardings().update(caller, ctx.pathParam("fip"),
                ctx.pathParam("id"), request(b)), PortForwardingsHandler::view);
    }

    private void delete(Context ctx) {
        services.portForwardings().delete(callers.require(ctx), ctx.pathParam("fip"), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static PortForwardingRequest request(NeutronBody b) {
        return new PortForwardingRequest(b.string("internal_port_id"), b.string("internal_ip_address"),
                b.integer("internal_port"), b.integer("external_port"), b.string("protocol"), b.string("description"));
    }

    static void view(ViewWriter w, PortForwarding pf) {
        w.string("id", pf.id()).number("external_port", pf.externalPort()).string("protocol", pf.protocol())
                .string("internal_port_id", pf.internalPortId()).string("internal_ip_address", pf.internalIpAddress())
                .number("internal_port", pf.internalPort()).string("description", pf.description());
    }
}
