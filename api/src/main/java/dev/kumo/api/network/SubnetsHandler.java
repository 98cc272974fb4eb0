package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.subnet.SubnetAttribute;
import dev.kumo.core.network.subnet.SubnetRequest;
import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.HostRoute;
import dev.kumo.model.network.Subnet;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /v2.0/subnets}. */
final class SubnetsHandler {
    private static final String BASE = NetworkApi.V2 + "/subnets";
    private static final Set<String> CREATE = Set.of("name", "description", "project_id", "tenant_id", "network_id",
            "ip_version", "cidr", "gateway_ip", "allocation_pools", "dns_nameservers", "host_routes", "enable_dhcp",
            "ipv6_ra_mode", "ipv6_address_mode", "subnetpool_id", "prefixlen", "use_default_subnetpool", "tags");
    private static final Set<String> UPDATE = Set.of("name", "description", "gateway_ip", "allocation_pools",
            "dns_nameservers", "host_routes", "enable_dhcp");
    private static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "revision_number");
    private static final Set<String> CREATE_ONLY = Set.of("project_id", "tenant_id", "network_id", "ip_version", "cidr",
            "ipv6_ra_mode", "ipv6_address_mode", "subnetpool_id", "prefixlen", "use_default_subnetpool", "tags");

    private final NetworkServices services;
    private final NetworkCallers callers;

    SubnetsHandler(NetworkServices services, NetworkCallers callers) {
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
        List<SubnetRequest> requests = NeutronBody.creates(body, "subnet", "subnets").stream()
                .map(node -> request(NeutronBody.checked(node, CREATE, READ_ONLY, true))).toList();
        List<Subnet> created = services.subnets().createAll(caller, requests);
        Responses.writeCreated(ctx, body.has("subnets"), "subnet", "subnets", created, SubnetViews::write);
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, SubnetAttribute::fromApiName, Map.of(), caller.admin());
        Responses.writeList(ctx, "subnets", services.subnets().list(caller, query), SubnetViews::write, Subnet::id,
                query.page());
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "subnet", services.subnets().get(caller, ctx.pathParam("id")), SubnetViews::write);
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        ObjectNode node = NeutronBody.single(Json.body(ctx), "subnet");
        SubnetRequest in = request(NeutronBody.checked(node, UPDATE, NetworksHandler.union(READ_ONLY, CREATE_ONLY), false));
        Subnet updated = services.subnets().update(caller, ctx.pathParam("id"), in);
        Responses.writeOne(ctx, 200, "subnet", updated, SubnetViews::write);
    }

    private void delete(Context ctx) {
        services.subnets().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static SubnetRequest request(NeutronBody b) {
        List<AllocationPool> pools = b.objects("allocation_pools", Set.of("start", "end")) == null ? null
                : b.objects("allocation_pools", Set.of("start", "end")).stream().map(p -> new AllocationPool(
                        required(p, "start", "allocation_pools"), required(p, "end", "allocation_pools"))).toList();
        List<HostRoute> routes = b.objects("host_routes", Set.of("destination", "nexthop")) == null ? null
                : b.objects("host_routes", Set.of("destination", "nexthop")).stream().map(r -> new HostRoute(
                        required(r, "destination", "host_routes"), required(r, "nexthop", "host_routes"))).toList();
        return new SubnetRequest(b.string("name"), b.string("description"), b.project(), b.string("network_id"),
                b.integer("ip_version"), b.string("cidr"), b.has("gateway_ip"), b.nullableString("gateway_ip"), pools,
                b.strings("dns_nameservers"), routes, b.bool("enable_dhcp"), b.nullableString("ipv6_ra_mode"),
                b.nullableString("ipv6_address_mode"), b.strings("tags"), b.nullableString("subnetpool_id"),
                Boolean.TRUE.equals(b.bool("use_default_subnetpool")), b.integer("prefixlen"));
    }

    private static String required(ObjectNode item, String key, String attribute) {
        var v = item.get(key);
        if (v == null || !v.isTextual()) {
            throw NeutronErrors.invalidAttribute(attribute, "each entry needs a string '" + key + "', got " + item);
        }
        return v.asText();
    }
}
