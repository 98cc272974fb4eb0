package dev.kumo.api.network;

import dev.kumo.api.http.ApiModule;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.FaultRenderer;
import dev.kumo.core.network.NeutronErrors;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.Objects;

/** Neutron v2.0, mounted at {@code /network} (the catalog's version-less URL, as Neutron's is). */
public final class NetworkApi implements ApiModule {
    public static final String PREFIX = "/network";
    static final String V2 = PREFIX + "/v2.0";

    private final NetworkServices services;
    private final NetworkCallers callers;
    private final NeutronFaults faults = new NeutronFaults();

    public NetworkApi(NetworkServices services, Callers callers) {
        this.services = Objects.requireNonNull(services, "services");
        this.callers = new NetworkCallers(callers);
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
        new VersionsHandler().register(routes);
        new ExtensionsHandler(callers).register(routes);
        new AvailabilityZonesHandler(services, callers).register(routes);
        new NetworksHandler(services, callers).register(routes);
        new SubnetsHandler(services, callers).register(routes);
        new SubnetPoolsHandler(services, callers).register(routes);
        new PortsHandler(services, callers).register(routes);
        new RoutersHandler(services, callers).register(routes);
        new FloatingIpsHandler(services, callers).register(routes);
        new PortForwardingsHandler(services, callers).register(routes);
        new SecurityGroupsHandler(services, callers).register(routes);
        new QuotasHandler(services, callers).register(routes);
        new TagsHandler(services, callers).register(routes);
        new AgentsHandler(services, callers).register(routes);
        new IpAvailabilityHandler(services, callers).register(routes);
        // Last, so that it only catches what no route above matched: Neutron's 404 body rather than the HTTP
        // server's own, whatever Accept header the client sent.
        Handler notFound = ctx -> {
            throw NeutronErrors.notFound("HTTPNotFound", "The resource could not be found.");
        };
        routes.get(PREFIX + "/*", notFound);
        routes.post(PREFIX + "/*", notFound);
        routes.put(PREFIX + "/*", notFound);
        routes.delete(PREFIX + "/*", notFound);
    }
}
