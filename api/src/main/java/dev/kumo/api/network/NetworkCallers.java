package dev.kumo.api.network;

import dev.kumo.api.http.Callers;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.network.NetworkCaller;
import io.javalin.http.Context;
import java.util.Objects;

/** The authenticated caller of a request, as the network service sees it. */
final class NetworkCallers {
    private final Callers callers;

    NetworkCallers(Callers callers) {
        this.callers = Objects.requireNonNull(callers, "callers");
    }

    NetworkCaller require(Context ctx) {
        Token token = callers.require(ctx);
        return new NetworkCaller(token.userId(), token.projectId(), Policy.isAdmin(token));
    }
}
