package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.Server;
import dev.kumo.core.compute.server.ServerListRequest;
import dev.kumo.core.compute.server.ServerService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** {@code /servers}: create (202 while it builds), list, detail, show, update, delete, metadata. */
final class ServersHandler {
    static final String SERVERS = ComputeApi.V21 + "/servers";
    private static final Map<String, String> STATUS_TO_VM = Map.of("BUILD", "building", "ACTIVE", "active",
            "SHUTOFF", "stopped", "PAUSED", "paused", "SUSPENDED", "suspended", "ERROR", "error",
            "REBOOT", "active", "HARD_REBOOT", "active", "VERIFY_RESIZE", "resized");

    private final ServerService servers;
    private final ComputeCallers callers;

    ServersHandler(ServerService servers, ComputeCallers callers) {
        this.servers = servers;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(SERVERS, ctx -> list(ctx, false));
        routes.get(SERVERS + "/detail", ctx -> list(ctx, true));
        routes.post(SERVERS, this::create);
        routes.get(SERVERS + "/{id}", this::show);
        routes.put(SERVERS + "/{id}", this::update);
        routes.delete(SERVERS + "/{id}", this::delete);
        routes.get(SERVERS + "/{id}/metadata", this::metadata);
        routes.post(SERVERS + "/{id}/metadata", ctx -> setMetadata(ctx, false));
        routes.put(SERVERS + "/{id}/metadata", ctx -> setMetadata(ctx, true));
        routes.get(SERVERS + "/{id}/ips", this::ips);
        routes.get(SERVERS + "/{id}/ips/{network}", this::ipsOn);
        routes.get(SERVERS + "/{id}/os-server-password", this::password);
        routes.delete(SERVERS + "/{id}/os-server-password", ctx -> {
            servers.clearPassword(callers.require(ctx), ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        var caller = callers.require(ctx);
        var b = NovaBody.wrapped(ctx, "server");
        var in = ServerRequests.create(b, Microversion.of(ctx));
        List<Server> created = servers.create(caller, in, SchedulerHintRequests.parse(Json.body(ctx)));
        Server first = created.get(0);
        var body = Json.object();
        if (Json.body(ctx).path("server").path("return_reservation_id").asBoolean(false)) {
            body.put("reservation_id", first.reservationId());
            Json.write(ctx, 202, body);
            return;
        }
        var o = body.putObject("server").put("id", first.id());
        FlavorViews.links(ctx, o, "servers", first.id());
        o.put("OS-DCF:diskConfig", "MANUAL");
        var groups = o.putArray("security_groups");
        first.securityGroups().forEach(g -> groups.addObject().put("name", g));
        // kumo does not set guest passwords; Nova returns one all the same (tempest checks it is there)
        o.put("adminPass", in.adminPass() != null ? in.adminPass() : AdminPasswords.generate());
        ctx.header("Location", Links.base(ctx) + SERVERS + "/" + first.id());
        Json.write(ctx, 202, body);
    }

    private void list(Context ctx, boolean detail) {
        ComputeCaller caller = callers.require(ctx);
        String status = Queries.string(ctx, "status");
        String vmState = status == null ? null : STATUS_TO_VM.getOrDefault(status.toUpperCase(), "unknown-status");
        // Nova: all_tenants with no value or a true one lists every project's servers
        boolean all = Queries.flag(ctx, "all_tenants");
        if (all && !caller.admin()) {
            throw ComputeErrors.forbidden("Policy doesn't allow os_compute_api:servers:index:get_all_tenants to be performed.");
        }
        String project = Queries.string(ctx, "project_id") != null ? Queries.string(ctx, "project_id") : Queries.string(ctx, "tenant_id");
        int limit = limit(ctx);
        var request = new ServerListRequest(Queries.string(ctx, "name"), vmState, Queries.string(ctx, "image"),
                Queries.string(ctx, "flavor"), Queries.string(ctx, "host"), all, // tenant_id only narrows all_tenants
                project, changesSince(ctx), Queries.string(ctx, "marker"), limit, Queries.string(ctx, "ip"),
                Queries.string(ctx, "ip6"), Queries.string(ctx, "reservation_id"));
        List<Server> found = limit == 0 ? List.of() : servers.list(caller, request);
        var body = Json.object();
        var array = body.putArray("servers");
        Map<String, List<String>> floating = detail ? servers.floatingIps(found) : Map.of();
        Map<String, List<String>> tags = detail && Microversion.of(ctx).atLeast(2, 26)
                ? servers.tags().of(found.stream().map(Server::id).toList()) : Map.of();
        found.forEach(s -> array.add(detail ? tagged(ServerViews.detail(ctx, caller, s, floating), tags.get(s.id()))
                : ServerViews.summary(ctx, s)));
        if (limit > 0 && found.size() == limit) {
            body.putArray("servers_links").addObject().put("rel", "next").put("href", Links.base(ctx) + SERVERS
                    + (detail ? "/detail" : "") + "?limit=" + limit + "&marker=" + found.get(found.size() - 1).id());
        }
        Json.write(ctx, 200, body);
    }

    private static int limit(Context ctx) {
        String v = Queries.string(ctx, "limit");
        try {
            int limit = v == null ? -1 : Integer.parseInt(v);
            if (limit < -1 || (v != null && limit < 0)) {
                throw new NumberFormatException(v);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ComputeErrors.badRequest("Invalid input for query parameters limit. Value: %s. '%s' does not match '^[0-9]*$'", v, v);
        }
    }

    private static Instant changesSince(Context ctx) {
        String v = Queries.string(ctx, "changes-since");
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.endsWith("Z") || v.contains("+") ? v : v + "Z").toInstant();
        } catch (DateTimeParseException e) {
            throw ComputeErrors.badRequest("Invalid input for query parameters changes-since. Value: %s. '%s' is not a 'date-time'", v, v);
        }
    }

    private void show(Context ctx) {
        var caller = callers.require(ctx);
        writeServer(ctx, caller, servers.get(caller, ctx.pathParam("id")), 200);
    }

    private void update(Context ctx) {
        var caller = callers.require(ctx);
        var b = NovaBody.wrapped(ctx, "server");
        Server s = servers.update(caller, ctx.pathParam("id"), NovaBody.text(b, "name"), NovaBody.text(b, "description"),
                b.has("description"), AccessIps.parse(b));
        var body = Json.object();
        body.set("server", grouped(tagged(ServerViews.updated(ctx, caller, s, servers.floatingIps(List.of(s))),
                serverTags(ctx, s)), s));
        Json.write(ctx, 200, body);
    }

    private void delete(Context ctx) {
        servers.delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private void metadata(Context ctx) {
        var s = servers.get(callers.require(ctx), ctx.pathParam("id"));
        writeMetadata(ctx, s.metadata());
    }

    private void setMetadata(Context ctx, boolean replace) {
        var md = ServerRequests.metadata(Json.body(ctx));
        writeMetadata(ctx, servers.setMetadata(callers.require(ctx), ctx.pathParam("id"), md, replace));
    }

    private void password(Context ctx) {
        String password = servers.password(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().put("password", password));
    }

    private void ips(Context ctx) {
        var s = servers.get(callers.require(ctx), ctx.pathParam("id"));
        var body = Json.object();
        ServerViews.addresses(body, s, servers.floatingIps(List.of(s)));
        Json.write(ctx, 200, body);
    }

    /** One network's addresses of the server, keyed by the network's name as in {@code addresses}. */
    private void ipsOn(Context ctx) {
        var s = servers.get(callers.require(ctx), ctx.pathParam("id"));
        var all = Json.object();
        ServerViews.addresses(all, s, servers.floatingIps(List.of(s)));
        String network = ctx.pathParam("network");
        var addresses = all.get("addresses").get(network);
        if (addresses == null) {
            throw ComputeErrors.notFound("Instance is not a member of specified network");
        }
        var body = Json.object();
        body.set(network, addresses);
        Json.write(ctx, 200, body);
    }

    private static void writeMetadata(Context ctx, Map<String, String> md) {
        var body = Json.object();
        var o = body.putObject("metadata");
        md.forEach(o::put);
        Json.write(ctx, 200, body);
    }

    private void writeServer(Context ctx, ComputeCaller caller, Server s, int status) {
        var body = Json.object();
        body.set("server", grouped(tagged(ServerViews.show(ctx, caller, s, servers.floatingIps(List.of(s))),
                serverTags(ctx, s)), s));
        Json.write(ctx, status, body);
    }

    private List<String> serverTags(Context ctx, Server s) {
        return Microversion.of(ctx).atLeast(2, 26) ? servers.tags().of(List.of(s.id())).get(s.id()) : null;
    }

    /** The view's {@code server_groups} (shown from 2.71) filled with the server's group. */
    private ObjectNode grouped(ObjectNode view, Server s) {
        if (view.has("server_groups")) {
            servers.groups().groupOf(s.id()).ifPresent(id -> view.putArray("server_groups").add(id));
        }
        return view;
    }

    /** The view's {@code tags} (shown from 2.26) filled with the server's. */
    private static ObjectNode tagged(
            ObjectNode view, List<String> tags) {
        if (view.has("tags") && tags != null) {
            var array = view.putArray("tags");
            tags.forEach(array::add);
        }
        return view;
    }

}
