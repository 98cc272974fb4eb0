package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Links;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.TenantUsage;
import dev.kumo.core.compute.server.TenantUsages;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /os-simple-tenant-usage} (every project, admins) and {@code /os-simple-tenant-usage/{tenant_id}}:
 * {@code start}/{@code end} (default now), {@code detailed=1} for the list's per-server usages, and from 2.40
 * {@code limit}/{@code marker} paging over servers with a next link. Times are Nova's naive UTC ISO 8601.
 */
final class TenantUsageHandler {
    private static final String USAGE = ComputeApi.V21 + "/os-simple-tenant-usage";
    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);
    private static final List<DateTimeFormatter> IN = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSS]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));

    private final TenantUsages usages;
    private final ComputeCallers callers;

    TenantUsageHandler(TenantUsages usages, ComputeCallers callers) {
        this.usages = usages;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(USAGE, this::list);
        routes.get(USAGE + "/{tenant}", this::show);
    }

    private void list(Context ctx) {
        if (ctx.path().endsWith("/")) { // "/os-simple-tenant-usage/" is a show without a tenant: Nova's 404
            throw ComputeErrors.notFound("The resource could not be found.");
        }
        var caller = callers.require(ctx);
        Page page = Page.of(ctx);
        var found = usages.list(caller, page.start, page.end, page.marker, page.limit);
        boolean detailed = "1".equals(Queries.string(ctx, "detailed"));
        var body = Json.object();
        var array = body.putArray("tenant_usages");
        found.forEach(u -> render(array.addObject(), u, detailed));
        links(ctx, body, "tenant_usages_links", USAGE, page, found);
        Json.write(ctx, 200, body);
    }

    private void show(Context ctx) {
        String tenant = ctx.pathParam("tenant");
        Page page = Page.of(ctx);
        var found = usages.show(callers.require(ctx), tenant, page.start, page.end, page.marker, page.limit);
        var body = Json.object();
        var o = body.putObject("tenant_usage");
        if (!found.isEmpty()) {
            render(o, found.get(0), true);
        }
        links(ctx, body, "tenant_usage_links", USAGE + "/" + tenant, page, found);
        Json.write(ctx, 200, body);
    }

    private static void render(ObjectNode o, TenantUsage u, boolean detailed) {
        o.put("tenant_id", u.tenantId()).put("start", OUT.format(u.start())).put("stop", OUT.format(u.stop()))
                .put("total_hours", u.totalHours()).put("total_vcpus_usage", u.totalVcpusUsage())
                .put("total_memory_mb_usage", u.totalMemoryMbUsage()).put("total_local_gb_usage", u.totalLocalGbUsage());
        if (!detailed) {
            return;
        }
        var servers = o.putArray("server_usages");
        for (var s : u.servers()) {
            servers.addObject().put("instance_id", s.instanceId()).put("name", s.name()).put("tenant_id", s.tenantId())
                    .put("flavor", s.flavor()).put("vcpus", s.vcpus()).put("memory_mb", s.memoryMb())
                    .put("local_gb", s.localGb()).put("hours", s.hours()).put("started_at", OUT.format(s.startedAt()))
                    .put("ended_at", s.endedAt() == null ? null : OUT.format(s.endedAt())).put("state", s.state())
                    .put("uptime", s.uptimeSeconds());
        }
    }

    /** From 2.40, a next link when the page is full: its marker is the page's last server. */
    private static void links(Context ctx, ObjectNode body, String key, String path, Page page, List<TenantUsage> found) {
        int servers = found.stream().mapToInt(u -> u.servers().size()).sum();
        if (!Microversion.of(ctx).atLeast(2, 40) || page.limit <= 0 || servers < page.limit) {
            return;
        }
        String last = found.stream().flatMap(u -> u.servers().stream()).map(TenantUsage.ServerUsage::instanceId)
                .max(String::compareTo).orElseThrow();
        String href = Links.base(ctx) + path + "?end=" + encode(OUT.format(page.end)) + "&limit=" + page.limit
                + "&marker=" + last + "&start=" + encode(OUT.format(page.start));
        body.putArray(key).addObject().put("href", href).put("rel", "next");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The period and, from 2.40, the page the request asks for. */
    private record Page(Instant start, Instant end, String marker, int limit) {
        static Page of(Context ctx) {
            Instant now = Instant.now();
            Instant start = time(Queries.string(ctx, "start"), now);
            Instant end = time(Queries.string(ctx, "end"), now);
            if (!Microversion.of(ctx).atLeast(2, 40)) {
                return new Page(start, end, null, 0);
            }
            String limit = Queries.string(ctx, "limit");
            if (limit != null && !limit.matches("\\d{1,9}")) {
                throw ComputeErrors.badRequest("Invalid input for query parameters limit. Value: %s. '%s' does not "
                        + "match '^[0-9]*$'", limit, limit);
            }
            // Nova caps a page at its max_limit, 1000
            int n = limit == null ? 1000 : Math.min(1000, Integer.parseInt(limit));
            return new Page(start, end, Queries.string(ctx, "marker"), n);
        }

        private static Instant time(String text, Instant now) {
            if (text == null || text.isEmpty()) {
                return now;
            }
            for (DateTimeFormatter f : IN) {
                try {
                    return LocalDateTime.parse(text, f).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // the next format may match
                }
            }
            throw ComputeErrors.badRequest("Invalid input received: Datetime is in invalid format");
        }
    }
}
