package dev.kumo.core.identity.token;

import java.util.List;

/**
 * A parsed {@code POST /v3/auth/tokens} body. Exactly the credentials named in {@code methods} are set;
 * {@code scope} null means "no scope asked for" (the user's default project is used when it has one).
 */
public record AuthRequest(List<AuthMethod> methods, PasswordCredentials password, String token,
                          ApplicationCredentialCredentials applicationCredential, ScopeRequest scope) {
    public AuthRequest {
        methods = List.copyOf(methods);
    }

    /** A user named by id, or by name within a domain named by id or name. */
    public record UserRef(String id, String name, DomainRef domain) {}

    public record DomainRef(String id, String name) {}

    public record PasswordCredentials(UserRef user, String password) {}

    public record ApplicationCredentialCredentials(String id, String name, UserRef user, String secret) {}

    /**
     * Project by id or name+domain, domain by id or name, the system, explicitly unscoped, or an OS-TRUST
     * trust ({@code trustId} set, kind PROJECT: the trust names the project).
     */
    public record ScopeRequest(TokenScope.Kind kind, String id, String name, DomainRef domain, String trustId) {
        public ScopeRequest(TokenScope.Kind kind, String id, String name, DomainRef domain) {
            this(kind, id, name, domain, null);
        }
    }
}
