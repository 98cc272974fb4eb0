package dev.kumo.core.identity.token;

import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.Trust;
import dev.kumo.model.identity.User;
import java.util.List;

/**
 * A valid token and everything it stands for right now: the user, the scope and the effective roles,
 * resolved against current identity state. It is also the caller identity that policy decides on.
 */
public record Token(String id, TokenPayload payload, User user, Domain userDomain, Project project,
                    Domain projectDomain, Domain domain, List<Role> roles, ApplicationCredential applicationCredential,
                    Trust trust) {
    public Token {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String name) {
        return roles.stream().anyMatch(r -> r.name().equals(name));
    }

    public String userId() {
        return user.id();
    }

    public TokenScope scope() {
        return payload.scope();
    }

    /** The project id for a project-scoped token, else null. */
    public String projectId() {
        return project == null ? null : project.id();
    }

    public boolean systemScoped() {
        return payload.scope().kind() == TokenScope.Kind.SYSTEM;
    }
}
