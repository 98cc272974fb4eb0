package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.project.ProjectChanges;
import dev.kumo.core.identity.project.ProjectFilter;
import dev.kumo.model.identity.Project;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/projects}. */
final class ProjectsHandler {
    private static final String BASE = IdentityApi.V3 + "/projects";
    private static final Set<String> FIELDS =
            Set.of("id", "name", "description", "domain_id", "parent_id", "enabled", "is_domain", "tags", "links", "options");

    private final IdentityServices services;
    private final Callers callers;

    ProjectsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(BASE, this::create);
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::get);
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void create(Context ctx) {
        Project p = services.projects().create(callers.require(ctx), changes(JsonFields.wrapped(Json.body(ctx), "project")));
        Json.write(ctx, 201, Json.object().set("project", view(ctx, p)));
    }

    private void list(Context ctx) {
        if (Boolean.TRUE.equals(Queries.bool(ctx, "is_domain"))) {
            callers.require(ctx);
            Json.write(ctx, 200, IdentityViews.collection(ctx, "projects", java.util.List.<Project>of(), p -> view(ctx, p)));
            return;
        }
        var filter = new ProjectFilter(Queries.string(ctx, "name"), Queries.string(ctx, "domain_id"),
                Queries.string(ctx, "parent_id"), Queries.bool(ctx, "enabled"), Queries.string(ctx, "tags"),
                Queries.string(ctx, "tags-any"), Queries.string(ctx, "not-tags"), Queries.string(ctx, "not-tags-any"));
        var projects = services.projects().list(callers.require(ctx), filter);
        Json.write(ctx, 200, IdentityViews.collection(ctx, "projects", projects, p -> view(ctx, p)));
    }

    private void get(Context ctx) {
        Project p = services.projects().get(callers.require(ctx), ctx.pathParam("id"));
        Json.write(ctx, 200, Json.object().set("project", view(ctx, p)));
    }

    private void update(Context ctx) {
        ObjectNode in = JsonFields.wrapped(Json.body(ctx), "project");
        Project p = services.projects().update(callers.require(ctx), ctx.pathParam("id"), changes(in));
        Json.write(ctx, 200, Json.object().set("project", view(ctx, p)));
    }

    private void delete(Context ctx) {
        services.projects().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }

    private static ProjectChanges changes(ObjectNode in) {
        if (Boolean.TRUE.equals(JsonFields.bool(in, "is_domain"))) {
            throw dev.kumo.model.error.CloudError.badRequest("Projects acting as domains (is_domain=true) are not "
                    + "supported: create a domain with POST /v3/domains instead.");
        }
        return new ProjectChanges(JsonFields.string(in, "name"), JsonFields.string(in, "description"),
                JsonFields.string(in, "domain_id"), JsonFields.string(in, "parent_id"), JsonFields.bool(in, "enabled"),
                JsonFields.strings(in, "tags"), JsonFields.extra(in, FIELDS));
    }

    static ObjectNode view(Context ctx, Project p) {
        var node = Json.object().put("id", p.id()).put("name", p.name()).put("domain_id", p.domainId())
                .put("description", p.description()).put("enabled", p.enabled())
                .put("parent_id", p.parentId() == null ? p.domainId() : p.parentId()).put("is_domain", false);
        var tags = node.putArray("tags");
        p.tags().forEach(tags::add);
        node.putObject("options");
        node.set("links", IdentityViews.selfLink(ctx, "/projects/" + p.id()));
        IdentityViews.putExtra(node, p.extra());
        return node;
    }
}
