package dev.kumo.api.http;

import io.javalin.http.Context;
import java.util.UUID;

/** Every response carries {@code x-openstack-request-id: req-<uuid>}, which the request log repeats. */
public final class RequestIds {
    static final String HEADER = "x-openstack-request-id";
    private static final String ATTRIBUTE = "kumo.requestId";

    private RequestIds() {}

    static void assign(Context ctx) {
        String id = "req-" + UUID.randomUUID();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
