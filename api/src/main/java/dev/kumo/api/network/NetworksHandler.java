package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.network.NetworkAttribute;
import dev.kumo.core.network.network.NetworkRequest;
import dev.kumo.model.network.Network;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /v2.0/networks}. */
final class NetworksHandler {
    private static final String BASE = NetworkApi.V2 + "/networks";
    private static final Set<String> CREATE = Set.of("name", "description", "project_id", "tenant_id", "admin_state_up",
            "shared", "router:external", "provider:network_type", "provider:physical_network",
            "provider:segmentation_id", "mtu", "port_security_enabled", "availability_zone_hints", "dns_domain", "tags");
    private static final Set<String> UPDATE = Set.of("name", "description", "admin_state_up", "shared",
            "router:external", "provider:network_type", "provider:physical_network", "provider:segmentation_id", "mtu",
            "port_security_enabled", "dns_domain");
    private static final Set<String> READ_ONLY = Set.of("id", "status", "subnets", "availability_zones", "created_at",
            "updated_at", "revision_number");
    private static final Set<String> CREATE_ONLY = Set.of("project_id", "tenant_id", "availability_zone_hints", "tags");

    private final NetworkServices services;
    private final NetworkCallers callers;

    NetworksHandler(NetworkServices services, NetworkCallers callers) {
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
        ObjectNode body = Json.body(ctx);
        List<NetworkRequest> requests = NeutronBody.creates(body, "network", "networks").stream()
                .map(node -> request(NeutronBody.checked(node, CREATE, READ_ONLY, true))).toList();
        List<Network> created = services.networks().createAll(caller, requests);
        Responses.writeCreated(ctx, body.has("networks"), "network", "networks", created, (w, n) -> view(w, caller, n));
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, NetworkAttribute::fromApiName, Map.of(), caller.admin());
        Responses.writeList(ctx, "networks", services.networks().list(caller, query), (w, n) -> view(w, caller, n),
                Network::id, query.page());
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "network", services.networks().get(caller, ctx.pathParam("id")),
                (w, n) -> view(w, caller, n));
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var readOnly = union(READ_ONLY, CREATE_ONLY);
        NetworkRequest in = request(NeutronBody.checked(NeutronBody.single(Json.body(ctx), "network"), UPDATE, readOnly, false));
        Network updated = services.networks().update(caller, ctx.pathParam("id"), in);
        Responses.writeOne(ctx, 200, "network", updated, (w, n) -> view(w, caller, n));
    }

    private void delete(Context ctx) {
        services.networks().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static NetworkRequest request(NeutronBody b) {
        return new NetworkRequest(b.string("name"), b.string("description"), b.project(), b.bool("admin_state_up"),
                b.bool("shared"), b.bool("router:external"), b.string("provider:network_type"),
                b.string("provider:physical_network"), b.integer("provider:segmentation_id"), b.integer("mtu"),
                b.bool("port_security_enabled"), b.strings("availability_zone_hints"), b.string("dns_domain"),
                b.strings("tags"));
    }

    private void view(ViewWriter w, NetworkCaller caller, Network n) {
        NetworkViews.write(w, n, caller.admin(), services.networks().availabilityZones(n));
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
