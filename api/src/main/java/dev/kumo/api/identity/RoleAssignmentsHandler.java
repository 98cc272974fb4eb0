package dev.kumo.api.identity;

import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.assignment.AssignmentQuery;
import dev.kumo.core.identity.assignment.ListedAssignment;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /v3/role_assignments}. */
final class RoleAssignmentsHandler {
    private static final String INHERITED_TO = "scope.OS-INHERIT:inherited_to";

    private final IdentityServices services;
    private final Callers callers;

    RoleAssignmentsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(IdentityApi.V3 + "/role_assignments", this::list);
    }

    private void list(Context ctx) {
        List<ListedAssignment> rows = services.assignments().list(callers.require(ctx), query(ctx));
        var view = new RoleAssignmentView(ctx, Queries.flag(ctx, "include_names") ? services.state().current() : null);
        Json.write(ctx, 200, IdentityViews.collection(ctx, "role_assignments", rows, view::render));
    }

    /** Keystone's filters; {@code effective} and {@code include_names} are often given without a value. */
    private static AssignmentQuery query(Context ctx) {
        Boolean inherited = ctx.queryParamMap().containsKey(INHERITED_TO)
                ? "projects".equals(ctx.queryParam(INHERITED_TO)) : null;
        return new AssignmentQuery(Queries.string(ctx, "user.id"), Queries.string(ctx, "group.id"),
                Queries.string(ctx, "role.id"), Queries.string(ctx, "scope.project.id"),
                Queries.string(ctx, "scope.domain.id"), "all".equals(ctx.queryParam("scope.system")), inherited,
                Queries.flag(ctx, "effective"), Queries.flag(ctx, "include_subtree"));
    }
}
