package dev.kumo.core.identity.token;

import dev.kumo.core.identity.EffectiveRoles;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.IdentityState;
import dev.kumo.model.error.CloudError;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.Trust;
import dev.kumo.model.identity.User;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Issues, validates and revokes tokens. */
public final class TokenService {
    private final IdentityState state;
    private final TokenCodec codec;
    private final Authenticator authenticator;
    private final TokenSettings settings;
    private final Clock clock;

    public TokenService(IdentityState state, TokenCodec codec, Authenticator authenticator, TokenSettings settings,
                        Clock clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Authenticates and returns a new token; every failure to authenticate is the same 401. */
    public Token issue(AuthRequest request) {
        // tokens carry milliseconds: the response must show exactly what validation will show later
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Authenticated who = throughTrust(request, identify(request, now), now);
        IdentitySnapshot s = state.current();
        TokenScope scope = ScopeResolver.resolve(s, who, request.scope());
        Instant expires = now.plus(settings.lifetime());
        if (who.expiresAt() != null && who.expiresAt().isBefore(expires)) {
            expires = who.expiresAt();
        }
        var payload = new TokenPayload(who.user().id(), who.methods(), scope, now, expires, codec.newAuditId(),
                who.parentAuditId(), who.applicationCredentialId(), who.trustId());
        return resolve(s, codec.encode(payload), payload, now)
                .orElseThrow(() -> CloudError.unauthorized(noAccessMessage(who.user(), scope)));
    }

    private Authenticated identify(AuthRequest request, Instant now) {
        if (request.methods().isEmpty()) {
            throw CloudError.badRequest("Expecting to find at least one method in identity.methods.");
        }
        AuthMethod first = request.methods().get(0);
        return switch (first) {
            case PASSWORD -> authenticator.password(request.password(), now);
            case APPLICATION_CREDENTIAL -> authenticator.applicationCredential(request.applicationCredential(), now);
            case TOKEN -> exchange(request.token());
        };
    }

    /** The token method: a new token for the same user, within the old token's lifetime and audit chain. */
    private Authenticated exchange(String tokenId) {
        if (tokenId == null) {
            throw CloudError.badRequest("Expecting to find id in identity.token.");
        }
        Token original = validate(tokenId).orElseThrow(Authenticator::unauthorized);
        if (original.applicationCredential() != null) {
            throw CloudError.forbidden("A token created by an application credential cannot be exchanged for another.");
        }
        if (original.trust() != null) {
            throw CloudError.forbidden("A token obtained through a trust cannot be exchanged for another.");
        }
        Set<AuthMethod> methods = EnumSet.of(AuthMethod.TOKEN);
        methods.addAll(original.payload().methods());
        TokenPayload p = original.payload();
        String chain = p.parentAuditId() != null ? p.parentAuditId() : p.auditId();
        return new Authenticated(original.user(), methods, null, chain, null, p.expiresAt());
    }

    private Authenticated throughTrust(AuthRequest request, Authenticated who, Instant now) {
        if (request.scope() == null || request.scope().trustId() == null) {
            return who;
        }
        Authenticated delegated = TrustDelegation.through(state.current(), who, request.scope().trustId(), now);
        consumeUse(delegated.trustId());
        return delegated;
    }

    /** A trust with limited uses has one fewer after each token it grants (Keystone's remaining_uses). */
    private void consumeUse(String trustId) {
        state.store().write(tx -> {
            Trust trust = state.current().trusts().get(trustId);
            if (trust == null || trust.remainingUses() == null) {
                return null;
            }
            if (trust.remainingUses() < 1) {
                throw CloudError.unauthorized("Trust " + trustId + " has no uses left.");
            }
            tx.trusts().setRemainingUses(trustId, trust.remainingUses() - 1);
            return null;
        });
    }

    /** The token if it is valid now: well-formed, unexpired, unrevoked, user and scope still enabled. */
    public Optional<Token> validate(String tokenId) {
        Instant now = clock.instant();
        return codec.decode(tokenId).flatMap(p -> resolve(state.current(), tokenId, p, now));
    }

    /** Revokes this one token (Keystone revokes by audit id). */
    public void revoke(Token token) {
        Instant now = clock.instant();
        state.store().write(tx -> {
            tx.revocations().insert(new RevocationEvent(token.payload().auditId(), null, null, null, now));
            return null;
        });
    }

    private Optional<Token> resolve(IdentitySnapshot s, String id, TokenPayload p, Instant now) {
        if (!now.isBefore(p.expiresAt()) || s.revocations().stream().anyMatch(e -> e.revokes(p))) {
            return Optional.empty();
        }
        Optional<User> user = s.user(p.userId()).filter(User::enabled);
        Optional<Domain> userDomain = user.flatMap(u -> s.domain(u.domainId())).filter(Domain::enabled);
        if (userDomain.isEmpty()) {
            return Optional.empty();
        }
        ApplicationCredential appCred = null;
        if (p.applicationCredentialId() != null) {
            appCred = s.applicationCredentials().get(p.applicationCredentialId());
            if (appCred == null) {
                return Optional.empty();
            }
        }
        Trust trust = null;
        if (p.trustId() != null) {
            trust = TrustDelegation.usable(s, p.trustId(), now).orElse(null);
            if (trust == null) {
                return Optional.empty();
            }
        }
        return switch (p.scope().kind()) {
            case UNSCOPED -> Optional.of(new Token(id, p, user.get(), userDomain.get(), null, null, null, List.of(), null,
                    null));
            case SYSTEM, DOMAIN, PROJECT -> scoped(s, id, p, user.get(), userDomain.get(), appCred, trust);
        };
    }

    private Optional<Token> scoped(IdentitySnapshot s, String id, TokenPayload p, User user, Domain userDomain,
                                   ApplicationCredential appCred, Trust trust) {
        Project project = null;
        Domain projectDomain = null;
        Domain domain = null;
        if (p.scope().kind() == TokenScope.Kind.PROJECT) {
            project = s.project(p.scope().id()).filter(Project::enabled).orElse(null);
            projectDomain = project == null ? null : s.domain(project.domainId()).filter(Domain::enabled).orElse(null);
            if (projectDomain == null) {
                return Optional.empty();
            }
        } else if (p.scope().kind() == TokenScope.Kind.DOMAIN) {
            domain = s.domain(p.scope().id()).filter(Domain::enabled).orElse(null);
            if (domain == null) {
                return Optional.empty();
            }
        }
        // through a trust, the roles are the trustor's, as far as the trust delegates them
        String holder = trust != null ? trust.trustorUserId() : user.id();
        Set<String> roleIds = new HashSet<>(EffectiveRoles.of(s, holder, p.scope()));
        if (appCred != null) {
            roleIds.retainAll(s.expandImplied(Set.copyOf(appCred.roleIds())));
        }
        if (trust != null) {
            roleIds.retainAll(s.expandImplied(Set.copyOf(trust.roleIds())));
        }
        // domain-specific roles only ever imply global ones; tokens carry global roles alone, as Keystone's do
        List<Role> roles = roleIds.stream().map(s.roles()::get).filter(Objects::nonNull).filter(r -> r.domainId() == null)
                .sorted(Comparator.comparing(Role::name)).toList();
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Token(id, p, user, userDomain, project, projectDomain, domain, roles, appCred, trust));
    }

    private static String noAccessMessage(User user, TokenScope scope) {
        return switch (scope.kind()) {
            case PROJECT -> "User " + user.id() + " has no access to project " + scope.id() + ".";
            case DOMAIN -> "User " + user.id() + " has no access to domain " + scope.id() + ".";
            case SYSTEM -> "User " + user.id() + " has no access to the system.";
            case UNSCOPED -> "The request you have made requires authentication.";
        };
    }
}
