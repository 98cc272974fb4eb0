package dev.kumo.api.network;

import dev.kumo.api.http.ApiModule;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.FaultRenderer;
import io.javalin.config.RoutesConfig;
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
        new PortsHandler(services, callers).register(routes);
        new QuotasHandler(services, callers).register(routes);
        new TagsHandler(services, callers).register(routes);
    }
}
