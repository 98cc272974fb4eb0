package dev.kumo.api.http;

import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;

/** Writes a {@link CloudError} as one OpenStack service family's fault body. */
public interface FaultRenderer {
    void render(Context ctx, CloudError error);
}
