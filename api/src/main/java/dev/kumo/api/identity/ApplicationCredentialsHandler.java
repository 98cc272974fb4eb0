package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.api.http.Timestamps;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.appcred.NewApplicationCredential;
import dev.kumo.core.identity.appcred.RoleRef;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/** {@code /v3/users/{user_id}/application_credentials}. */
final class ApplicationCredentialsHandler {
    private static final String BASE = IdentityApi.V3 + "/users/{user_id}/application_credentials";
    /**
     * Keystone renders expires_at with oslo's PERFECT_TIME_FORMAT: microseconds and no zone (it is UTC).
     * Tempest compares it with Python's isoformat() of the naive UTC datetime it sent.
     */
    private static final DateTimeFormatter EXPIRES_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private final IdentityServices services;
    private final Callers callers;

    ApplicationCredentialsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "application_credential");
        var request = new NewApplicationCredential(JsonFields.string(in, "name"), JsonFields.string(in, "description"),
                JsonFields.string(in, "secret"), Timestamps.parse("expires_at", JsonFields.string(in, "expires_at")), roles(in.get("roles")),
                JsonFields.bool(in, "unrestricted"));
        rejectAccessRules(in.get("access_rules"));
        var created = services.applicationCredentials().create(callers.require(ctx), ctx.pathParam("user_id"), request);
        ObjectNode view = view(ctx, services.state().current(), created.credential());
        view.put("secret", created.secret());
        Json.write(ctx, 201, Json.object().set("application_credential", view));
    }

    private void list(Context ctx) {
        var list = services.applicationCredentials().list(callers.require(ctx), ctx.pathParam("user_id"),
                Queries.string(ctx, "name"));
        IdentitySnapshot s = services.state().current();
        Json.write(ctx, 200, IdentityViews.collection(ctx, "application_credentials", list, c -> view(ctx, s, c)));
    }

    private void get(Context ctx) {
        var c = services.applicationCredentials().get(callers.require(ctx), ctx.pathParam("user_id"), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("application_credential", view(ctx, services.state().current(), c)));
    }

    private void delete(Context ctx) {
        services.applicationCredentials().delete(callers.require(ctx), ctx.pathParam("user_id"), ctx.pathParam("id"));
        ctx.status(204);
    }

    /** Keystone's schema: a list of objects each naming a role by exactly one of id or name. */
    private static List<RoleRef> roles(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw CloudError.badRequest("Invalid input for field 'roles': expected a list such as [{\"id\": \"...\"}] "
                    + "or [{\"name\": \"member\"}].");
        }
        List<RoleRef> refs = new ArrayList<>();
        for (JsonNode item : node) {
            boolean one = item.isObject() && item.size() == 1 && (item.has("id") || item.has("name"));
            if (!one) {
                throw CloudError.badRequest("Invalid input for field 'roles': each role must be an object with exactly "
                        + "one of 'id' or 'name', got %s.", item);
            }
            refs.add(new RoleRef(JsonFields.string(item, "id"), JsonFields.string(item, "name")));
            if (refs.getLast().id() == null && refs.getLast().name() == null) {
                throw CloudError.badRequest("Invalid input for field 'roles': a role's id or name must not be null.");
            }
        }
        return refs;
    }

    /** Access rules would narrow what the credential may call; kumo cannot enforce them, so it refuses them. */
    private static void rejectAccessRules(JsonNode node) {
        if (node != null && !node.isNull() && !(node.isArray() && node.isEmpty())) {
            throw CloudError.badRequest("Invalid input for field 'access_rules': application credential access rules "
                    + "are not supported by this cloud; create the credential without them.");
        }
    }

    static ObjectNode view(Context ctx, IdentitySnapshot s, ApplicationCredential c) {
        var node = Json.object().put("id", c.id()).put("name", c.name()).put("description", c.description())
                .put("project_id", c.projectId())
                .put("expires_at", c.expiresAt() == null ? null : EXPIRES_AT.format(c.expiresAt()))
                .put("unrestricted", c.unrestricted());
        ArrayNode roles = node.putArray("roles");
        for (String roleId : c.roleIds()) {
            s.role(roleId).ifPresent(r -> roles.add(roleView(r)));
        }
        node.putArray("access_rules");
        node.set("links", IdentityViews.selfLink(ctx, "/users/" + c.userId() + "/application_credentials/" + c.id()));
        return node;
    }

    private static ObjectNode roleView(Role r) {
        return Json.object().put("id", r.id()).put("name", r.name()).put("domain_id", r.domainId());
    }
}
