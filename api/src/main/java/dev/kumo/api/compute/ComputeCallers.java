package dev.kumo.api.compute;

import dev.kumo.api.http.Callers;
import dev.kumo.core.compute.ComputeCaller;
import io.javalin.http.Context;
import java.util.Objects;

/** The authenticated caller as the compute service sees it, within the request (its id names instance actions). */
final class ComputeCallers {
    private final Callers callers;

    ComputeCallers(Callers callers) {
        this.callers = Objects.requireNonNull(callers, "callers");
    }

    ComputeCaller require(Context ctx) {
        return ComputeCaller.of(callers.require(ctx)).inRequest(dev.kumo.api.http.RequestIds.of(ctx));
    }
}
