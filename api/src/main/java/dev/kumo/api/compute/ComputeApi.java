package dev.kumo.api.compute;

import dev.kumo.api.http.ApiModule;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.FaultRenderer;
import dev.kumo.core.compute.ComputeErrors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Objects;

/** Nova v2.1, mounted at {@code /compute}; the catalog points at {@code /compute/v2.1}. */
public final class ComputeApi implements ApiModule {
    public static final String PREFIX = "/compute";
    static final String V21 = PREFIX + "/v2.1";

    private final ComputeServices services;
    private final ComputeCallers callers;
    private final NovaFaults faults = new NovaFaults();

    public ComputeApi(ComputeServices services, Callers callers) {
        this.services = Objects.requireNonNull(services, "services");
        this.callers = new ComputeCallers(callers);
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public FaultRenderer faults() {
        return faults;
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.before(PREFIX + "/*", Microversion::negotiate);
        routes.before(PREFIX, Microversion::negotiate);
        new VersionsHandler().register(routes);
        new FlavorsHandler(services.flavors(), callers).register(routes);
        new KeypairsHandler(services.keypairs(), callers).register(routes);
        new ServersHandler(services.servers(), callers).register(routes);
        new ServerTagsHandler(services.servers().tags(), callers).register(routes);
        new ServerInterfacesHandler(services.servers().interfaces(), callers).register(routes);
        new ServerActionsHandler(services.actions(), services.servers(), services.consoles(), callers).register(routes);
        new InstanceActionsHandler(services.actions().history(), callers).register(routes);
        new RemoteConsolesHandler(services.consoles(), callers).register(routes);
        new ImagesProxyHandler(services.images(), callers).register(routes);
        new ZonesHandler(services.inventory(), callers).register(routes);
        new HypervisorsHandler(services.inventory(), callers).register(routes);
        new ServicesHandler(services.inventory(), callers).register(routes);
        new OsHostsHandler(services.inventory(), callers).register(routes);
        new LimitsHandler(services.quotas(), callers).register(routes);
        new QuotaSetsHandler(services.quotas(), callers).register(routes);
        new ServerGroupsHandler(services.servers().groups(), callers).register(routes);
        new TenantUsageHandler(services.servers().usage(), callers).register(routes);
        // Last: Nova's 404 body for anything no route above matched
        Handler notFound = ctx -> {
            throw ComputeErrors.notFound("The resource could not be found.");
        };
        routes.get(PREFIX + "/*", notFound);
        routes.post(PREFIX + "/*", notFound);
        routes.put(PREFIX + "/*", notFound);
        routes.delete(PREFIX + "/*", notFound);
    }
}
