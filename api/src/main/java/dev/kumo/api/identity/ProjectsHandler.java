package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.project.ProjectChanges;
import dev.kumo.core.identity.project.ProjectFilter;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.identity.Project;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
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
        new CollectionRoutes<Project, ProjectChanges>(BASE, "project", "projects", callers, ProjectsHandler::changes,
                ProjectsHandler::view)
                .create(services.projects()::create)
                .list(this::list)
                .get(services.projects()::get)
                .update(services.projects()::update)
                .delete(services.projects()::delete)
                .register(routes);
    }

    /** Projects acting as domains do not exist here, so {@code is_domain=true} lists none. */
    private List<Project> list(Token caller, Context ctx) {
        if (Boolean.TRUE.equals(Queries.bool(ctx, "is_domain"))) {
            return List.of();
        }
        var filter = new ProjectFilter(Queries.string(ctx, "name"), Queries.string(ctx, "domain_id"),
                Queries.string(ctx, "parent_id"), Queries.bool(ctx, "enabled"), Queries.string(ctx, "tags"),
                Queries.string(ctx, "tags-any"), Queries.string(ctx, "not-tags"), Queries.string(ctx, "not-tags-any"));
        return services.projects().list(caller, filter);
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
