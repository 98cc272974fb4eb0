package dev.kumo.api.http;

import io.javalin.http.Context;

/** Absolute URLs for links in responses, built from the address the client used to reach us. */
public final class Links {
    private Links() {}

    /** Scheme, host and port as the client sees them, e.g. {@code http://127.0.0.1:5000}. */
    public static String base(Context ctx) {
        String proto = ctx.header("X-Forwarded-Proto");
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) {
            host = ctx.host();
        }
        return (proto != null ? proto : ctx.scheme()) + "://" + host;
    }
}
