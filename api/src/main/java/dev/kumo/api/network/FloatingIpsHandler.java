package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.floatingip.FloatingIpAttribute;
import dev.kumo.core.network.floatingip.FloatingIpRequest;
import dev.kumo.model.network.FloatingIp;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v2.0/floatingips}. */
final class FloatingIpsHandler {
    private static final String BASE = NetworkApi.V2 + "/floatingips";
    private static final Set<String> CREATE = Set.of("floating_network_id", "floating_ip_address", "subnet_id",
            "project_id", "tenant_id", "port_id", "fixed_ip_address", "description", "tags", "dns_name", "dns_domain");
    private static final Set<String> UPDATE = Set.of("port_id", "fixed_ip_address", "description");
    private static final Set<String> READ_ONLY = Set.of("id", "status", "router_id", "created_at", "updated_at",
            "revision_number", "port_details");
    private static final Set<String> CREATE_ONLY = Set.of("floating_network_id", "floating_ip_address", "subnet_id",
            "project_id", "tenant_id", "tags", "dns_name", "dns_domain");

    private final NetworkServices services;
    private final NetworkCallers callers;

    FloatingIpsHandler(NetworkServices services, NetworkCallers callers) {
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
        NeutronBody b = NeutronBody.checked(NeutronBody.single(Json.body(ctx), "floatingip"), CREATE, READ_ONLY, true);
        FloatingIp created = services.floatingIps().create(caller, request(b));
        Responses.writeOne(ctx, 201, "floatingip", created, FloatingIpsHandler::view);
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, FloatingIpAttribute::fromApiName, Map.of(), caller.admin());
        Responses.writeList(ctx, "floatingips", services.floatingIps().list(caller, query), FloatingIpsHandler::view,
                FloatingIp::id, query.page());
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "floatingip", services.floatingIps().get(caller, ctx.pathParam("id")),
                FloatingIpsHandler::view);
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        ObjectNode node = NeutronBody.single(Json.body(ctx), "floatingip");
        NeutronBody b = NeutronBody.checked(node, UPDATE, NetworksHandler.union(READ_ONLY, CREATE_ONLY), false);
        Responses.writeOne(ctx, 200, "floatingip", services.floatingIps().update(caller, ctx.pathParam("id"), request(b)),
                FloatingIpsHandler::view);
    }

    private void delete(Context ctx) {
        services.floatingIps().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static FloatingIpRequest request(NeutronBody b) {
        return new FloatingIpRequest(b.string("floating_network_id"), b.string("floating_ip_address"),
                b.string("subnet_id"), b.project(), b.has("port_id"), b.nullableString("port_id"),
                b.nullableString("fixed_ip_address"), b.string("description"), b.strings("tags"));
    }

    private static void view(ViewWriter w, FloatingIp f) {
        w.string("id", f.id()).string("tenant_id", f.projectId()).string("project_id", f.projectId())
                .string("floating_network_id", f.floatingNetworkId()).string("floating_ip_address", f.floatingIpAddress())
                .string("router_id", f.routerId()).string("port_id", f.portId())
                .string("fixed_ip_address", f.fixedIpAddress()).string("status", f.status().name());
        NetworkViews.standard(w, f.standard());
    }
}
