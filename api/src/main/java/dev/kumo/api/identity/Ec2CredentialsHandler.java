package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.core.identity.credential.Ec2Credential;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code /v3/users/{user_id}/credentials/OS-EC2}: the create body is not wrapped ({@code {"tenant_id": ...}}),
 * and a credential is addressed by its access key.
 */
final class Ec2CredentialsHandler {
    private static final String BASE = IdentityApi.V3 + "/users/{user_id}/credentials/OS-EC2";

    private final IdentityServices services;
    private final Callers callers;

    Ec2CredentialsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{access}", this::get);
        routes.delete(BASE + "/{access}", this::delete);
    }

    private void create(Context ctx) {
        String tenantId = JsonFields.string(Json.body(ctx), "tenant_id");
        Ec2Credential c = services.ec2Credentials().create(callers.require(ctx), ctx.pathParam("user_id"), tenantId);
        Json.write(ctx, 201, Json.object().set("credential", view(ctx, c)));
    }

    private void list(Context ctx) {
        var list = services.ec2Credentials().list(callers.require(ctx), ctx.pathParam("user_id"));
        Json.write(ctx, 200, IdentityViews.collection(ctx, "credentials", list, c -> view(ctx, c)));
    }

    private void get(Context ctx) {
        Ec2Credential c = services.ec2Credentials().get(callers.require(ctx), ctx.pathParam("user_id"),
                ctx.pathParam("access"));
        Json.write(ctx, 200, Json.object().set("credential", view(ctx, c)));
    }

    private void delete(Context ctx) {
        services.ec2Credentials().delete(callers.require(ctx), ctx.pathParam("user_id"), ctx.pathParam("access"));
        ctx.status(204);
    }

    static ObjectNode view(Context ctx, Ec2Credential c) {
        var node = Json.object().put("user_id", c.userId()).put("tenant_id", c.tenantId()).put("access", c.access())
                .put("secret", c.secret()).put("trust_id", c.trustId());
        node.set("links", IdentityViews.selfLink(ctx, "/users/" + c.userId() + "/credentials/OS-EC2/" + c.access()));
        return node;
    }
}
