package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.core.identity.token.AuthMethod;
import dev.kumo.core.identity.token.AuthRequest;
import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.model.error.CloudError;
import java.util.ArrayList;
import java.util.List;

/** Parses {@code {"auth": {"identity": ..., "scope": ...}}} into an {@link AuthRequest}; shape errors are 400. */
final class AuthRequestParser {
    private AuthRequestParser() {}

    static AuthRequest parse(ObjectNode body) {
        JsonNode auth = object(body.get("auth"), "auth");
        JsonNode identity = object(auth.get("identity"), "auth.identity");
        JsonNode methodsNode = identity.get("methods");
        if (methodsNode == null || !methodsNode.isArray() || methodsNode.isEmpty()) {
            throw CloudError.badRequest("Invalid input for field 'identity/methods': a non-empty list of "
                    + "authentication methods is required, e.g. [\"password\"].");
        }
        List<AuthMethod> methods = new ArrayList<>();
        for (JsonNode m : methodsNode) {
            methods.add(method(m.asText()));
        }
        AuthRequest.PasswordCredentials password = null;
        String token = null;
        AuthRequest.ApplicationCredentialCredentials appCred = null;
        if (methods.contains(AuthMethod.PASSWORD)) {
            JsonNode p = object(identity.get("password"), "auth.identity.password");
            JsonNode user = object(p.get("user"), "auth.identity.password.user");
            password = new AuthRequest.PasswordCredentials(userRef(user), text(user, "password"));
        }
        if (methods.contains(AuthMethod.TOKEN)) {
            token = text(object(identity.get("token"), "auth.identity.token"), "id");
        }
        if (methods.contains(AuthMethod.APPLICATION_CREDENTIAL)) {
            JsonNode a = object(identity.get("application_credential"), "auth.identity.application_credential");
            appCred = new AuthRequest.ApplicationCredentialCredentials(text(a, "id"), text(a, "name"),
                    a.has("user") ? userRef(object(a.get("user"), "application_credential.user")) : null, text(a, "secret"));
        }
        return new AuthRequest(methods, password, token, appCred, scope(auth.get("scope")));
    }

    private static AuthMethod method(String name) {
        for (AuthMethod m : AuthMethod.values()) {
            if (m.keystoneName().equals(name)) {
                return m;
            }
        }
        throw CloudError.unauthorized("Attempted to authenticate with an unsupported method: " + name + ".");
    }

    private static AuthRequest.ScopeRequest scope(JsonNode scope) {
        if (scope == null || scope.isNull()) {
            return null;
        }
        if (scope.isTextual() && scope.asText().equals("unscoped")) {
            return new AuthRequest.ScopeRequest(TokenScope.Kind.UNSCOPED, null, null, null);
        }
        object(scope, "auth.scope");
        if (scope.has("project")) {
            JsonNode p = object(scope.get("project"), "auth.scope.project");
            return new AuthRequest.ScopeRequest(TokenScope.Kind.PROJECT, text(p, "id"), text(p, "name"),
                    p.has("domain") ? domainRef(p.get("domain")) : null);
        }
        if (scope.has("domain")) {
            JsonNode d = object(scope.get("domain"), "auth.scope.domain");
            return new AuthRequest.ScopeRequest(TokenScope.Kind.DOMAIN, text(d, "id"), text(d, "name"), null);
        }
        if (scope.has("system")) {
            return new AuthRequest.ScopeRequest(TokenScope.Kind.SYSTEM, null, null, null);
        }
        if (scope.has("OS-TRUST:trust")) {
            JsonNode t = object(scope.get("OS-TRUST:trust"), "auth.scope.OS-TRUST:trust");
            String trustId = text(t, "id");
            if (trustId == null) {
                throw CloudError.badRequest("'auth.scope.OS-TRUST:trust.id' is a required property.");
            }
            return new AuthRequest.ScopeRequest(TokenScope.Kind.PROJECT, null, null, null, trustId);
        }
        throw CloudError.badRequest("Invalid input for field 'auth/scope': expected project, domain or system.");
    }

    private static AuthRequest.UserRef userRef(JsonNode user) {
        return new AuthRequest.UserRef(text(user, "id"), text(user, "name"),
                user.has("domain") ? domainRef(user.get("domain")) : null);
    }

    private static AuthRequest.DomainRef domainRef(JsonNode domain) {
        JsonNode d = object(domain, "domain");
        return new AuthRequest.DomainRef(text(d, "id"), text(d, "name"));
    }

    private static JsonNode object(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            throw CloudError.badRequest("'%s' is a required property.", field);
        }
        if (!node.isObject()) {
            throw CloudError.badRequest("Invalid input for field '%s': expected a JSON object.", field);
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw CloudError.badRequest("Invalid input for field '%s': expected a string, got %s.", field,
                    v.getNodeType().name().toLowerCase());
        }
        return v.asText();
    }
}
