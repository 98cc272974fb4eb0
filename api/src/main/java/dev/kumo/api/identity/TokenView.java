package dev.kumo.api.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.identity.IdentitySnapshot;
import dev.kumo.core.identity.token.AuthMethod;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.identity.Role;

/** A token as Keystone's {@code {"token": {...}}} body shows it. */
final class TokenView {
    private TokenView() {}

    static ObjectNode render(IdentitySnapshot s, Token t, boolean withCatalog) {
        var token = Json.object();
        ArrayNode methods = token.putArray("methods");
        // the method used last comes first, as Keystone lists them
        for (AuthMethod m : new AuthMethod[] {AuthMethod.TOKEN, AuthMethod.APPLICATION_CREDENTIAL, AuthMethod.PASSWORD}) {
            if (t.payload().methods().contains(m)) {
                methods.add(m.keystoneName());
            }
        }
        var user = token.putObject("user");
        user.set("domain", Json.object().put("id", t.userDomain().id()).put("name", t.userDomain().name()));
        user.put("id", t.user().id()).put("name", t.user().name())
                .put("password_expires_at", Json.keystoneTime(t.user().passwordExpiresAt()));
        ArrayNode audits = token.putArray("audit_ids");
        t.payload().auditIds().forEach(audits::add);
        token.put("expires_at", Json.keystoneTime(t.payload().expiresAt()));
        token.put("issued_at", Json.keystoneTime(t.payload().issuedAt()));
        scope(token, t);
        if (!t.roles().isEmpty()) {
            ArrayNode roles = token.putArray("roles");
            for (Role r : t.roles()) {
                roles.addObject().put("id", r.id()).put("name", r.name());
            }
            if (withCatalog) {
                token.set("catalog", IdentityViews.catalog(s, t));
            }
        }
        if (t.trust() != null) {
            var trust = token.putObject("OS-TRUST:trust").put("id", t.trust().id())
                    .put("impersonation", t.trust().impersonation());
            trust.putObject("trustee_user").put("id", t.trust().trusteeUserId());
            trust.putObject("trustor_user").put("id", t.trust().trustorUserId());
        }
        if (t.applicationCredential() != null) {
            token.putObject("application_credential").put("id", t.applicationCredential().id())
                    .put("name", t.applicationCredential().name())
                    .put("restricted", !t.applicationCredential().unrestricted());
        }
        return Json.object().set("token", token);
    }

    private static void scope(ObjectNode token, Token t) {
        switch (t.scope().kind()) {
            case PROJECT -> {
                token.putObject("project")
                        .put("id", t.project().id()).put("name", t.project().name())
                        .set("domain", Json.object().put("id", t.projectDomain().id()).put("name", t.projectDomain().name()));
                token.put("is_domain", false);
            }
            case DOMAIN -> token.putObject("domain").put("id", t.domain().id()).put("name", t.domain().name());
            case SYSTEM -> token.putObject("system").put("all", true);
            case UNSCOPED -> { }
        }
    }
}
