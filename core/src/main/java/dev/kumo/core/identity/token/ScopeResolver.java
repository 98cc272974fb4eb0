package dev.kumo.core.identity.token;

import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Project;

/** Turns the scope a request asks for into a {@link TokenScope}, as Keystone does (failures are 401). */
final class ScopeResolver {
    private ScopeResolver() {}

    static TokenScope resolve(IdentitySnapshot s, Authenticated who, AuthRequest.ScopeRequest asked) {
        if (who.fixedScope() != null) {
            if (who.trustId() != null) {
                return who.fixedScope();
            }
            if (asked != null && asked.kind() != TokenScope.Kind.UNSCOPED
                    && !who.fixedScope().equals(resolveAsked(s, asked))) {
                throw CloudError.unauthorized("An application credential token cannot be scoped to anything but "
                        + "its own project.");
            }
            return who.fixedScope();
        }
        if (asked == null) {
            String defaultProject = who.user().defaultProjectId();
            return defaultProject != null && s.project(defaultProject).filter(Project::enabled).isPresent()
                    ? TokenScope.project(defaultProject) : TokenScope.UNSCOPED;
        }
        return resolveAsked(s, asked);
    }

    private static TokenScope resolveAsked(IdentitySnapshot s, AuthRequest.ScopeRequest asked) {
        return switch (asked.kind()) {
            case UNSCOPED -> TokenScope.UNSCOPED;
            case SYSTEM -> TokenScope.SYSTEM;
            case DOMAIN -> TokenScope.domain(domain(s, new AuthRequest.DomainRef(asked.id(), asked.name())).id());
            case PROJECT -> TokenScope.project(project(s, asked).id());
        };
    }

    private static Domain domain(IdentitySnapshot s, AuthRequest.DomainRef ref) {
        Domain d = Authenticator.findDomain(s, ref).orElseThrow(() -> CloudError.unauthorized(
                "Could not find domain: " + (ref.id() != null ? ref.id() : ref.name()) + "."));
        if (!d.enabled()) {
            throw CloudError.unauthorized("Domain is disabled: " + d.id() + ".");
        }
        return d;
    }

    private static Project project(IdentitySnapshot s, AuthRequest.ScopeRequest asked) {
        Project p;
        if (asked.id() != null) {
            p = s.project(asked.id()).orElseThrow(() -> CloudError.unauthorized(
                    "Could not find project: " + asked.id() + "."));
        } else {
            if (asked.name() == null || asked.domain() == null) {
                throw CloudError.badRequest("Project requires a domain when referenced by name: give "
                        + "scope.project.domain.id or scope.project.domain.name.");
            }
            Domain d = domain(s, asked.domain());
            p = s.projectByName(d.id(), asked.name()).orElseThrow(() -> CloudError.unauthorized(
                    "Could not find project: " + asked.name() + " in domain " + d.name() + "."));
        }
        if (!p.enabled()) {
            throw CloudError.unauthorized("Project is disabled: " + p.id() + ".");
        }
        return p;
    }
}
