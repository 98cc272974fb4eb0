package dev.kumo.api.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.ipam.FixedIpRequest;
import dev.kumo.core.network.router.GatewayRequest;
import dev.kumo.core.network.router.InterfaceRequest;
import dev.kumo.core.network.router.RouterAttribute;
import dev.kumo.core.network.router.RouterRequest;
import dev.kumo.model.network.HostRoute;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.Router;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code /v2.0/routers} with {@code add_router_interface} and {@code remove_router_interface}. */
final class RoutersHandler {
    private static final String BASE = NetworkApi.V2 + "/routers";
    private static final Set<String> CREATE = Set.of("name", "description", "project_id", "tenant_id", "admin_state_up",
            "external_gateway_info", "distributed", "ha", "availability_zone_hints", "tags", "flavor_id");
    private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "external_gateway_info",
            "routes", "distributed", "ha");
    private static final Set<String> READ_ONLY = Set.of("id", "status", "routes", "availability_zones", "created_at",
            "updated_at", "revision_number");
    private static final Set<String> CREATE_ONLY = Set.of("project_id", "tenant_id", "tags", "availability_zone_hints",
            "flavor_id");

    private final NetworkServices services;
    private final NetworkCallers callers;

    RoutersHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.put(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
        routes.put(BASE + "/{id}/add_router_interface", ctx -> changeInterface(ctx, true));
        routes.put(BASE + "/{id}/remove_router_interface", ctx -> changeInterface(ctx, false));
    }

    private void create(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        ObjectNode node = NeutronBody.single(Json.body(ctx), "router");
        RouterRequest in = request(node, NeutronBody.checked(node, CREATE, READ_ONLY, true));
        Router created = services.routers().create(caller, in);
        Responses.writeOne(ctx, 201, "router", created, view(caller, List.of(created)));
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, RouterAttribute::fromApiName, Map.of(), caller.admin());
        List<Router> routers = services.routers().list(caller, query);
        Responses.writeList(ctx, "routers", routers, view(caller, routers), Router::id, query.page());
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Router router = services.routers().get(caller, ctx.pathParam("id"));
        Responses.writeOne(ctx, 200, "router", router, view(caller, List.of(router)));
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        ObjectNode node = NeutronBody.single(Json.body(ctx), "router");
        RouterRequest in = request(node, NeutronBody.checked(node, UPDATE, NetworksHandler.union(
                Set.of("id", "status", "availability_zones", "created_at", "updated_at", "revision_number"),
                CREATE_ONLY), false));
        Router updated = services.routers().update(caller, ctx.pathParam("id"), in);
        Responses.writeOne(ctx, 200, "router", updated, view(caller, List.of(updated)));
    }

    private void delete(Context ctx) {
        services.routers().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** The body is the bare {@code {"subnet_id": ...}} or {@code {"port_id": ...}}, as in Neutron. */
    private void changeInterface(Context ctx, boolean add) {
        NetworkCaller caller = callers.require(ctx);
        NeutronBody b = NeutronBody.checked(Json.body(ctx), Set.of("subnet_id", "port_id"), Set.of(), false);
        var in = new InterfaceRequest(b.string("subnet_id"), b.string("port_id"));
        var result = add ? services.routerInterfaces().add(caller, ctx.pathParam("id"), in)
                : services.routerInterfaces().remove(caller, ctx.pathParam("id"), in);
        RouterViews.writeInterface(ctx, result);
    }

    private BiConsumer<ViewWriter, Router> view(NetworkCaller caller, List<Router> routers) {
        Map<String, Port> ports = services.routers().gatewayPorts(routers).stream()
                .collect(Collectors.toMap(Port::id, Function.identity()));
        return (w, r) -> RouterViews.write(w, r, ports, caller.admin());
    }

    private static RouterRequest request(ObjectNode node, NeutronBody b) {
        boolean gatewayGiven = node.has("external_gateway_info");
        GatewayRequest gateway = gatewayGiven ? gateway(node.get("external_gateway_info")) : null;
        List<HostRoute> routes = b.objects("routes", Set.of("destination", "nexthop")) == null ? null
                : b.objects("routes", Set.of("destination", "nexthop")).stream().map(r -> new HostRoute(
                        text(r, "destination", "routes"), text(r, "nexthop", "routes"))).toList();
        return new RouterRequest(b.string("name"), b.string("description"), b.project(), b.bool("admin_state_up"),
                gatewayGiven, gateway, routes, b.bool("distributed"), b.bool("ha"), b.strings("tags"));
    }

    /** {@code null} and {@code {}} both clear the gateway, as in Neutron. */
    private static GatewayRequest gateway(JsonNode v) {
        if (v == null || v.isNull() || (v.isObject() && v.isEmpty())) {
            return null;
        }
        if (!(v instanceof ObjectNode o)) {
            throw NeutronErrors.invalidAttribute("external_gateway_info", "'" + v + "' is not a dictionary");
        }
        NeutronBody g = NeutronBody.checked(o, Set.of("network_id", "enable_snat", "external_fixed_ips", "qos_policy_id"),
                Set.of(), true);
        List<ObjectNode> ips = g.objects("external_fixed_ips", Set.of("subnet_id", "ip_address"));
        List<FixedIpRequest> fixed = null;
        if (ips != null) {
            fixed = new ArrayList<>();
            for (ObjectNode ip : ips) {
                if (optional(ip, "subnet_id") == null && optional(ip, "ip_address") == null) {
                    throw NeutronErrors.invalidAttribute("external_fixed_ips", "each entry needs a subnet_id or an "
                            + "ip_address");
                }
                fixed.add(new FixedIpRequest(optional(ip, "subnet_id"), optional(ip, "ip_address")));
            }
        }
        return new GatewayRequest(g.string("network_id"), g.bool("enable_snat"), fixed);
    }

    private static String text(ObjectNode item, String key, String attribute) {
        var v = item.get(key);
        if (v == null || !v.isTextual()) {
            throw NeutronErrors.invalidAttribute(attribute, "each entry needs a string '" + key + "', got " + item);
        }
        return v.asText();
    }

    private static String optional(ObjectNode item, String key) {
        var v = item.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
