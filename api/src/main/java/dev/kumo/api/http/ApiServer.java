package dev.kumo.api.http;

import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.error.CloudException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP server: every {@link ApiModule} under its prefix, one request log, faults per family. */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("kumo.requests");
    private static final String FAULT_RENDERED = "kumo.faultRendered";

    private final List<ApiModule> modules;
    private final FaultRenderer fallbackFaults = new KeystoneFaults();
    private final Javalin app;

    public ApiServer(ApiSettings settings, List<ApiModule> modules, RootDocument root) {
        Objects.requireNonNull(settings, "settings");
        // the longest prefix wins when picking whose fault format an error gets
        this.modules = modules.stream().sorted(Comparator.comparingInt((ApiModule m) -> m.prefix().length()).reversed()).toList();
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.maxRequestSize = settings.maxRequestBytes();
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.routes.before(RequestIds::assign);
            config.routes.exception(CloudException.class, (e, ctx) -> {
                ctx.attribute(FAULT_RENDERED, true);
                faultsFor(ctx).render(ctx, e.error());
            });
            config.routes.exception(Exception.class, this::unexpected);
            config.routes.error(404, ctx -> {
                // Javalin's own "endpoint not found" is plain text, or JSON when the client accepts JSON
                if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint")
                        || ctx.result().contains("#endpointnotfound")) {
                    faultsFor(ctx).render(ctx, new CloudError.NotFound("NotFound", "The resource could not be found."));
                }
            });
            config.routes.error(405, ctx -> faultsFor(ctx).render(ctx, ctx.path().endsWith("/")
                    // "/v2/images/" names an empty id, not the collection: OpenStack's routers answer 404
                    ? new CloudError.NotFound("NotFound", "The resource could not be found.")
                    : new CloudError.MethodNotAllowed("HTTPMethodNotAllowed", "The method " + ctx.method()
                            + " is not allowed for " + ctx.path() + ".")));
            config.routes.error(413, ctx -> {
                // a service's own 413 (an image quota) keeps its message
                if (ctx.attribute(FAULT_RENDERED) == null) {
                    faultsFor(ctx).render(ctx, new CloudError.PayloadTooLarge("RequestTooLarge",
                            "Request body is too large: the limit is " + settings.maxRequestBytes() + " bytes."));
                }
            });
            config.requestLogger.http(ApiServer::logRequest);
            root.routes(config.routes);
            for (ApiModule module : this.modules) {
                module.routes(config.routes);
            }
        });
    }

    public ApiServer start() {
        app.start();
        LOG.info("listening on port {}", port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private FaultRenderer faultsFor(Context ctx) {
        String path = ctx.path();
        for (ApiModule module : modules) {
            if (path.startsWith(module.prefix())) {
                return module.faults();
            }
        }
        return fallbackFaults;
    }

    private void unexpected(Exception e, Context ctx) {
        if (e instanceof io.javalin.http.HttpResponseException h) {
            faultsFor(ctx).render(ctx, statusError(h.getStatus(), h.getMessage()));
            return;
        }
        LOG.error("request {} {} {} failed", RequestIds.of(ctx), ctx.method(), ctx.path(), e);
        faultsFor(ctx).render(ctx, new CloudError.Internal("InternalError",
                "An unexpected error prevented the server from fulfilling your request (request id "
                        + RequestIds.of(ctx) + ")."));
    }

    private static CloudError statusError(int status, String message) {
        return switch (status) {
            case 400 -> new CloudError.BadRequest("BadRequest", message);
            case 404 -> new CloudError.NotFound("NotFound", message);
            case 405 -> new CloudError.MethodNotAllowed("HTTPMethodNotAllowed", message);
            case 413 -> new CloudError.PayloadTooLarge("RequestTooLarge", message);
            case 415 -> new CloudError.UnsupportedMediaType("UnsupportedMediaType", message);
            default -> new CloudError.BadRequest("BadRequest", message);
        };
    }

    private static void logRequest(Context ctx, Float ms) {
        Token caller = Callers.known(ctx);
        REQUESTS.info("id={} user={} project={} method={} path={} status={} ms={}", RequestIds.of(ctx),
                caller == null ? "-" : caller.userId(), caller == null || caller.projectId() == null ? "-" : caller.projectId(),
                ctx.method(), ctx.path(), ctx.status().getCode(), String.format("%.1f", ms));
    }
}
