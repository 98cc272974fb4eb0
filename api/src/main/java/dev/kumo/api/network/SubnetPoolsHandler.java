package dev.kumo.api.network;

import dev.kumo.api.http.Json;
import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.subnetpool.SubnetPoolAttribute;
import dev.kumo.core.network.subnetpool.SubnetPoolRequest;
import dev.kumo.model.network.SubnetPool;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v2.0/subnetpools}. */
final class SubnetPoolsHandler {
    private static final String BASE = NetworkApi.V2 + "/subnetpools";
    private static final Set<String> CREATE = Set.of("name", "description", "project_id", "tenant_id", "prefixes",
            "min_prefixlen", "max_prefixlen", "default_prefixlen", "default_quota", "shared", "is_default",
            "address_scope_id", "tags");
    private static final Set<String> UPDATE = Set.of("name", "description", "prefixes", "min_prefixlen",
            "max_prefixlen", "default_prefixlen", "default_quota", "is_default", "address_scope_id");
    private static final Set<String> READ_ONLY = Set.of("id", "ip_version", "created_at", "updated_at",
            "revision_number");
    private static final Set<String> CREATE_ONLY = Set.of("project_id", "tenant_id", "shared", "tags");

    private final NetworkServices services;
    private final NetworkCallers callers;

    SubnetPoolsHandler(NetworkServices services, NetworkCallers callers) {
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
        NeutronBody b = NeutronBody.checked(NeutronBody.single(Json.body(ctx), "subnetpool"), CREATE, READ_ONLY, true);
        Responses.writeOne(ctx, 201, "subnetpool", services.subnetPools().create(caller, request(b)),
                SubnetPoolViews::write);
    }

    private void list(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        var query = ListParams.parse(ctx, SubnetPoolAttribute::fromApiName, Map.of(), caller.admin());
        Responses.writeList(ctx, "subnetpools", services.subnetPools().list(caller, query), SubnetPoolViews::write,
                SubnetPool::id, query.page());
    }

    private void get(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        Responses.writeOne(ctx, 200, "subnetpool", services.subnetPools().get(caller, ctx.pathParam("id")),
                SubnetPoolViews::write);
    }

    private void update(Context ctx) {
        NetworkCaller caller = callers.require(ctx);
        NeutronBody b = NeutronBody.checked(NeutronBody.single(Json.body(ctx), "subnetpool"), UPDATE,
                NetworksHandler.union(READ_ONLY, CREATE_ONLY), false);
        Responses.writeOne(ctx, 200, "subnetpool", services.subnetPools().update(caller, ctx.pathParam("id"),
                request(b)), SubnetPoolViews::write);
    }

    private void delete(Context ctx) {
        services.subnetPools().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static SubnetPoolRequest request(NeutronBody b) {
        return new SubnetPoolRequest(b.string("name"), b.string("description"), b.project(), b.strings("prefixes"),
                b.integer("min_prefixlen"), b.integer("max_prefixlen"), b.integer("default_prefixlen"),
                b.has("default_quota"), b.integer("default_quota"), b.bool("shared"), b.bool("is_default"),
                b.has("address_scope_id"), b.nullableString("address_scope_id"), b.strings("tags"));
    }
}
