package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.ServerGroup;
import dev.kumo.core.compute.server.ServerGroups;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /os-server-groups}: create (200), list ({@code all_projects} for admins, {@code limit}/{@code offset}),
 * show, delete (204). Before 2.64 a group shows {@code policies: [policy]} and an empty {@code metadata}; from
 * 2.64 {@code policy} and {@code rules}; {@code project_id} and {@code user_id} from 2.13.
 */
final class ServerGroupsHandler {
    private static final String GROUPS = ComputeApi.V21 + "/os-server-groups";

    private final ServerGroups groups;
    private final ComputeCallers callers;

    ServerGroupsHandler(ServerGroups groups, ComputeCallers callers) {
        this.groups = groups;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(GROUPS, this::list);
        routes.post(GROUPS, this::create);
        routes.get(GROUPS + "/{id}", this::show);
        routes.delete(GROUPS + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        var caller = callers.require(ctx);
        var found = groups.list(caller, ctx.queryParamMap().containsKey("all_projects"), count(ctx, "limit"),
                count(ctx, "offset"));
        var body = Json.object();
        var array = body.putArray("server_groups");
        found.forEach(g -> render(ctx, array.addObject(), g));
        Json.write(ctx, 200, body);
    }

    private void create(Context ctx) {
        var b = NovaBody.wrapped(ctx, "server_group");
        var in = ServerGroupRequests.parse(b, Microversion.of(ctx));
        ServerGroup created = groups.create(callers.require(ctx), in.name(), in.policy(), in.maxPerHost());
        write(ctx, created);
    }

    private void show(Context ctx) {
        write(ctx, groups.get(callers.require(ctx), ctx.pathParam("id")));
    }

    private void delete(Context ctx) {
        groups.delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static void write(Context ctx, ServerGroup g) {
        var body = Json.object();
        render(ctx, body.putObject("server_group"), g);
        Json.write(ctx, 200, body);
    }

    private static void render(Context ctx, ObjectNode o, ServerGroup g) {
        Microversion v = Microversion.of(ctx);
        o.put("id", g.id()).put("name", g.name());
        if (v.atLeast(2, 64)) {
            o.put("policy", g.policy());
            var rules = o.putObject("rules");
            if (g.maxPerHost() != null) {
                rules.put("max_server_per_host", g.maxPerHost());
            }
        } else {
            o.putArray("policies").add(g.policy());
            o.putObject("metadata");
        }
        var members = o.putArray("members");
        g.members().forEach(members::add);
        if (v.atLeast(2, 13)) {
            o.put("project_id", g.projectId()).put("user_id", g.userId());
        }
    }

    /** Nova's non-negative integer query parameters; absent is 0 (no limit, no offset). */
    private static int count(Context ctx, String name) {
        String v = Queries.string(ctx, name);
        if (v == null) {
            return 0;
        }
        if (!v.matches("\\d{1,9}")) {
            throw ComputeErrors.badRequest("Invalid input for query parameters %s. Value: %s. '%s' does not match '^[0-9]*$'",
                    name, v, v);
        }
        return Integer.parseInt(v);
    }
}
