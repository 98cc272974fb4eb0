package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.JsonFields;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.domain.DomainChanges;
import dev.kumo.model.identity.Domain;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code /v3/domains}. */
final class DomainsHandler {
    private static final String BASE = IdentityApi.V3 + "/domains";
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "enabled", "tags", "links", "options");

    private final IdentityServices services;
    private final Callers callers;

    DomainsHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        new CollectionRoutes<Domain, DomainChanges>(BASE, "domain", "domains", callers, DomainsHandler::changes,
                DomainsHandler::view)
                .create(services.domains()::create)
                .list((caller, ctx) -> services.domains().list(caller, Queries.string(ctx, "name"),
                        Queries.bool(ctx, "enabled")))
                .get(services.domains()::get)
                .update(services.domains()::update)
                .delete(services.domains()::delete)
                .register(routes);
    }

    private static DomainChanges changes(ObjectNode in) {
        return new DomainChanges(JsonFields.string(in, "name"), JsonFields.string(in, "description"),
                JsonFields.bool(in, "enabled"), JsonFields.strings(in, "tags"), JsonFields.extra(in, FIELDS));
    }

    static ObjectNode view(Context ctx, Domain d) {
        var node = Json.object().put("id", d.id()).put("name", d.name()).put("description", d.description())
                .put("enabled", d.enabled());
        var tags = node.putArray("tags");
        d.tags().forEach(tags::add);
        node.putObject("options");
        node.set("links", IdentityViews.selfLink(ctx, "/domains/" + d.id()));
        IdentityViews.putExtra(node, d.extra());
        return node;
    }
}
