package dev.kumo.api.http;

import dev.kumo.core.identity.token.Token;
import dev.kumo.core.identity.token.TokenService;
import dev.kumo.model.error.CloudError;
import io.javalin.http.Context;
import java.util.Objects;

/** Authenticates the caller of a request from its {@code X-Auth-Token}, once per request. */
public final class Callers {
    private static final String ATTRIBUTE = "kumo.caller";
    private final TokenService tokens;

    public Callers(TokenService tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The caller's valid token, or a 401 in the format of the path's service. */
    public Token require(Context ctx) {
        Token cached = ctx.attribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String header = ctx.header("X-Auth-Token");
        if (header == null || header.isBlank()) {
            throw CloudError.unauthorized("The request you have made requires authentication.");
        }
        Token token = tokens.validate(header.strip())
                .orElseThrow(() -> CloudError.unauthorized("The request you have made requires authentication."));
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** The caller if it has been authenticated already (for the request log). */
    public static Token known(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
