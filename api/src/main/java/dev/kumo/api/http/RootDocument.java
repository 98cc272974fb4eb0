package dev.kumo.api.http;

import io.javalin.config.RoutesConfig;

/** What {@code GET /} answers: the list of APIs this server offers (and, later, the dashboard). */
public interface RootDocument {
    void routes(RoutesConfig routes);
}
