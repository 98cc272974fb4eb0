package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.compute.keypair.Keypair;
import dev.kumo.core.compute.keypair.KeypairService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code /os-keypairs}: 201 and {@code type} from 2.2, {@code user_id} for admins from 2.10. */
final class KeypairsHandler {
    private static final String KEYPAIRS = ComputeApi.V21 + "/os-keypairs";

    private final KeypairService keypairs;
    private final ComputeCallers callers;

    KeypairsHandler(KeypairService keypairs, ComputeCallers callers) {
        this.keypairs = keypairs;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(KEYPAIRS, this::list);
        routes.post(KEYPAIRS, this::create);
        routes.get(KEYPAIRS + "/{name}", this::show);
        routes.delete(KEYPAIRS + "/{name}", this::delete);
    }

    private void list(Context ctx) {
        var body = Json.object();
        var array = body.putArray("keypairs");
        for (Keypair k : keypairs.list(callers.require(ctx), forUser(ctx))) {
            var o = array.addObject().putObject("keypair");
            o.put("name", k.name()).put("public_key", k.publicKey()).put("fingerprint", k.fingerprint());
            typed(ctx, o, k);
        }
        Json.write(ctx, 200, body);
    }

    private void create(Context ctx) {
        var b = NovaBody.wrapped(ctx, "keypair");
        Microversion v = Microversion.of(ctx);
        String user = v.atLeast(2, 10) ? NovaBody.text(b, "user_id") : null;
        String type = v.atLeast(2, 2) ? NovaBody.text(b, "type") : null;
        var created = keypairs.create(callers.require(ctx), NovaBody.text(b, "name"), type,
                NovaBody.text(b, "public_key"), user);
        var body = Json.object();
        var o = body.putObject("keypair");
        Keypair k = created.keypair();
        o.put("name", k.name()).put("public_key", k.publicKey()).put("fingerprint", k.fingerprint())
                .put("user_id", k.userId());
        if (created.privateKey() != null) {
            o.put("private_key", created.privateKey());
        }
        typed(ctx, o, k);
        Json.write(ctx, v.atLeast(2, 2) ? 201 : 200, body);
    }

    private void show(Context ctx) {
        Keypair k = keypairs.get(callers.require(ctx), ctx.pathParam("name"), forUser(ctx));
        var body = Json.object();
        var o = body.putObject("keypair");
        o.put("name", k.name()).put("public_key", k.publicKey()).put("fingerprint", k.fingerprint())
                .put("user_id", k.userId()).put("created_at", NovaBody.time(k.createdAt())).put("deleted", false)
                .putNull("deleted_at").putNull("updated_at").put("id", Math.abs((k.userId() + k.name()).hashCode()));
        typed(ctx, o, k);
        Json.write(ctx, 200, body);
    }

    private void delete(Context ctx) {
        keypairs.delete(callers.require(ctx), ctx.pathParam("name"), forUser(ctx));
        ctx.status(Microversion.of(ctx).atLeast(2, 2) ? 204 : 202);
    }

    private static String forUser(Context ctx) {
        return Microversion.of(ctx).atLeast(2, 10) ? Queries.string(ctx, "user_id") : null;
    }

    private static void typed(Context ctx, ObjectNode o, Keypair k) {
        if (Microversion.of(ctx).atLeast(2, 2)) {
            o.put("type", k.type());
        }
    }
}
