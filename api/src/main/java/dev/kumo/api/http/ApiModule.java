package dev.kumo.api.http;

import io.javalin.config.RoutesConfig;

/** One OpenStack service's API, mounted under its path prefix on the shared server. */
public interface ApiModule {
    /** E.g. {@code /identity}; every route of the module starts with it. */
    String prefix();

    /** How this service's faults look on the wire. */
    FaultRenderer faults();

    /** Registers the module's routes; called once, before the server starts. */
    void routes(RoutesConfig routes);
}
