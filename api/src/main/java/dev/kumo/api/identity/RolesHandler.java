package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.role.RoleChanges;
import dev.kumo.core.identity.role.RoleOptions;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/** {@code /v3/roles}. */
final class RolesHandler {
    static final String BASE = IdentityApi.V3 + "/roles";
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "domain_id", "options", "links");

    private final IdentityServices services;
    private final Callers callers;

    RolesHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        new CollectionRoutes<Role, RoleChanges>(BASE, "role", "roles", callers, RolesHandler::changes, RolesHandler::view)
                .create(services.roles()::create)
                .list((caller, ctx) -> services.roles().list(caller, Queries.string(ctx, "name"),
                        Queries.string(ctx, "domain_id")))
                .get(services.roles()::get)
                .update(services.roles()::update)
                .delete(services.roles()::delete)
                .register(routes);
    }

    private static RoleChanges changes(ObjectNode in) {
        return new RoleChanges(JsonFields.string(in, "id"), JsonFields.string(in, "name"),
                JsonFields.string(in, "description"), JsonFields.string(in, "domain_id"), options(in),
                JsonFields.extra(in, FIELDS));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(ObjectNode in) {
        JsonNode options = in.get("options");
        if (options == null || options.isNull()) {
            return null;
        }
        if (!options.isObject()) {
            throw CloudError.badRequest("Invalid input for field 'options': expected a JSON object, got %s.",
                    options.getNodeType().name().toLowerCase());
        }
        return Json.MAPPER.convertValue(options, Map.class);
    }

    /** A role as Keystone shows it: domain_id is null for global roles, options always present. */
    static ObjectNode view(Context ctx, Role r) {
        var node = Json.object().put("id", r.id()).put("name", r.name()).put("domain_id", r.domainId())
                .put("description", r.description());
        node.set("options", Json.MAPPER.valueToTree(RoleOptions.of(r)));
        node.set("links", IdentityViews.selfLink(ctx, "/roles/" + r.id()));
        IdentityViews.putExtra(node, r.extra());
        return node;
    }

    /** The short form implied-role responses use: id, name and link. */
    static ObjectNode ref(Context ctx, Role r) {
        var node = Json.object().put("id", r.id());
        node.set("links", IdentityViews.selfLink(ctx, "/roles/" + r.id()));
        return node.put("name", r.name());
    }
}
