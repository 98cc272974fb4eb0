package dev.kumo.api.compute;

import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.action.history.ActionPage;
import dev.kumo.core.compute.action.history.InstanceAction;
import dev.kumo.core.compute.action.history.InstanceActionLog;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code /servers/{id}/os-instance-actions}: a server's actions, newest first, and one action with its events.
 * From 2.21 a deleted server's actions stay readable; from 2.58 the list pages (limit, marker = a request id,
 * changes-since on updated_at) with a next link, from 2.66 also changes-before.
 */
final class InstanceActionsHandler {
    /** Nova's [api] max_limit: the most one page holds. */
    private static final int MAX_LIMIT = 1000;

    private final InstanceActionLog log;
    private final ComputeCallers callers;

    InstanceActionsHandler(InstanceActionLog log, ComputeCallers callers) {
        this.log = log;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(ServersHandler.SERVERS + "/{id}/os-instance-actions", this::list);
        routes.get(ServersHandler.SERVERS + "/{id}/os-instance-actions/{request}", this::show);
    }

    private void list(Context ctx) {
        var caller = callers.require(ctx);
        var v = Microversion.of(ctx);
        String id = ctx.pathParam("id");
        ActionPage page = v.atLeast(2, 58) ? page(ctx, v) : ActionPage.ALL;
        List<InstanceAction> found = log.list(caller, id, v.atLeast(2, 21), page);
        var body = Json.object();
        var array = body.putArray("instanceActions");
        found.forEach(a -> array.add(InstanceActionViews.action(a, v)));
        if (v.atLeast(2, 58) && !found.isEmpty() && found.size() == (page.limit() > 0 ? page.limit() : MAX_LIMIT)) {
            body.putArray("links").addObject().put("rel", "next").put("href", next(ctx, id, found.getLast()));
        }
        Json.write(ctx, 200, body);
    }

    private void show(Context ctx) {
        var caller = callers.require(ctx);
        var v = Microversion.of(ctx);
        InstanceAction a = log.get(caller, ctx.pathParam("id"), v.atLeast(2, 21), ctx.pathParam("request"));
        Json.write(ctx, 200, Json.object().set("instanceAction", InstanceActionViews.withEvents(a, v, caller)));
    }

    private static ActionPage page(Context ctx, Microversion v) {
        Instant since = time(ctx, "changes-since");
        Instant before = null;
        if (v.atLeast(2, 66)) {
            before = time(ctx, "changes-before");
        } else if (Queries.string(ctx, "changes-before") != null) {
            throw ComputeErrors.badRequest("Invalid input for query parameters changes-before. Value: %s. "
                    + "Additional properties are not allowed ('changes-before' was unexpected)", Queries.string(ctx, "changes-before"));
        }
        if (since != null && before != null && before.isBefore(since)) {
            throw ComputeErrors.badRequest("The value of changes-since must be less than or equal to changes-before.");
        }
        return new ActionPage(since, before, Queries.string(ctx, "marker"), limit(ctx));
    }

    private static int limit(Context ctx) {
        String text = Queries.string(ctx, "limit");
        if (text == null) {
            return 0;
        }
        if (!text.matches("[0-9]+")) {
            throw ComputeErrors.badRequest("Invalid input for query parameters limit. Value: %s. '%s' does not match '^[0-9]*$'", text, text);
        }
        try {
            return Math.min(Integer.parseInt(text), MAX_LIMIT);
        } catch (NumberFormatException e) {
            return MAX_LIMIT; // more digits than an int holds: the cap
        }
    }

    private static Instant time(Context ctx, String name) {
        String text = Queries.string(ctx, name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$") ? text : text + "Z")
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw ComputeErrors.badRequest("Invalid input for query parameters %s. Value: %s. '%s' is not a 'date-time'",
                    name, text, text);
        }
    }

    /** The request's own query with the marker moved on to the page's last action, as Nova links it. */
    private static String next(Context ctx, String serverId, InstanceAction last) {
        String kept = ctx.queryParamMap().entrySet().stream().filter(e -> !e.getKey().equals("marker"))
                .flatMap(e -> e.getValue().stream().map(value -> encode(e.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return Links.base(ctx) + ServersHandler.SERVERS + "/" + serverId + "/os-instance-actions?"
                + (kept.isEmpty() ? "" : kept + "&") + "marker=" + encode(last.requestId());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
