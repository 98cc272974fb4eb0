package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Callers;
import dev.kumo.api.http.Json;
import dev.kumo.api.http.Queries;
import dev.kumo.core.identity.EffectiveRoles;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.policy.Policy;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Project;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/** {@code /v3/auth/*}: issue, validate, check and revoke tokens; what a token may be scoped to. */
final class AuthHandler {
    private static final String TOKENS = IdentityApi.V3 + "/auth/tokens";
    private final IdentityServices services;
    private final Callers callers;

    AuthHandler(IdentityServices services, Callers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.post(TOKENS, this::issue);
        routes.get(TOKENS, this::validate);
        routes.head(TOKENS, this::check);
        routes.delete(TOKENS, this::revoke);
        routes.get(IdentityApi.V3 + "/auth/catalog", this::catalog);
        routes.get(IdentityApi.V3 + "/auth/projects", this::projects);
        routes.get(IdentityApi.V3 + "/auth/domains", this::domains);
        routes.get(IdentityApi.V3 + "/auth/system", this::system);
    }

    private void issue(Context ctx) {
        Token token = services.tokens().issue(AuthRequestParser.parse(Json.body(ctx)));
        ctx.header("X-Subject-Token", token.id());
        Json.write(ctx, 201, TokenView.render(services.state().current(), token, !Queries.flag(ctx, "nocatalog")));
    }

    private void validate(Context ctx) {
        Token subject = subject(ctx);
        Json.write(ctx, 200, TokenView.render(services.state().current(), subject, !Queries.flag(ctx, "nocatalog")));
    }

    private void check(Context ctx) {
        subject(ctx);
        ctx.status(200);
    }

    private void revoke(Context ctx) {
        Token caller = callers.require(ctx);
        Token subject = subject(ctx);
        Policy.requireAdminOrOwner(caller, subject.userId(), "identity:revoke_token");
        services.tokens().revoke(subject);
        ctx.status(204);
    }

    /** The token named by X-Subject-Token, which the caller may look at (admin, or its own user). */
    private Token subject(Context ctx) {
        Token caller = callers.require(ctx);
        String id = ctx.header("X-Subject-Token");
        if (id == null || id.isBlank()) {
            throw CloudError.badRequest("The X-Subject-Token header is required.");
        }
        // as in Keystone, an invalid subject is a 404 before policy is asked: there is nothing to protect
        Token subject = services.tokens().validate(id.strip())
                .orElseThrow(() -> CloudError.notFound("TokenNotFound", "Could not find token: %s.", id.strip()));
        Policy.require(Policy.isReader(caller) || subject.userId().equals(caller.userId()), "identity:validate_token");
        return subject;
    }

    private void catalog(Context ctx) {
        Token caller = callers.require(ctx);
        if (caller.scope().kind() == TokenScope.Kind.UNSCOPED) {
            throw CloudError.forbidden("A scoped token is required to list the catalog.");
        }
        ObjectNode body = Json.object();
        body.set("catalog", IdentityViews.catalog(services.state().current(), caller));
        body.set("links", IdentityViews.selfLink(ctx, "/auth/catalog").putNull("previous").putNull("next"));
        Json.write(ctx, 200, body);
    }

    private void projects(Context ctx) {
        Token caller = callers.require(ctx);
        IdentitySnapshot s = services.state().current();
        List<Project> projects = services.projects().projectsOfUser(s, caller.userId()).stream()
                .filter(Project::enabled).filter(p -> s.domain(p.domainId()).map(Domain::enabled).orElse(false)).toList();
        Json.write(ctx, 200, IdentityViews.collection(ctx, "projects", projects, p -> ProjectsHandler.view(ctx, p)));
    }

    private void domains(Context ctx) {
        Token caller = callers.require(ctx);
        IdentitySnapshot s = services.state().current();
        List<Domain> domains = s.domains().values().stream().filter(Domain::enabled)
                .filter(d -> !EffectiveRoles.of(s, caller.userId(), TokenScope.domain(d.id())).isEmpty()).toList();
        Json.write(ctx, 200, IdentityViews.collection(ctx, "domains", domains, d -> DomainsHandler.view(ctx, d)));
    }

    private void system(Context ctx) {
        Token caller = callers.require(ctx);
        IdentitySnapshot s = services.state().current();
        var body = Json.object();
        var system = body.putArray("system");
        if (!EffectiveRoles.of(s, caller.userId(), TokenScope.SYSTEM).isEmpty()) {
            system.addObject().put("all", true);
        }
        body.set("links", IdentityViews.selfLink(ctx, "/auth/system").putNull("previous").putNull("next"));
        Json.write(ctx, 200, body);
    }
}
