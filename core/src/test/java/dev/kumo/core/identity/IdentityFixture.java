package dev.kumo.core.identity;

import dev.kumo.core.identity.token.AuthMethod;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.identity.token.TokenPayload;
import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.model.identity.Domain;
import dev.kumo.model.identity.Group;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small identity world over {@link InMemoryIdentityStore}: domain {@code default} with projects
 * parent ⊃ child ⊃ grandchild and sibling, domain {@code other} with project elsewhere; users alice, bob
 * and carol; group devs (alice, bob); roles admin ⇒ member ⇒ reader and observer.
 */
public final class IdentityFixture {
    public final InMemoryIdentityStore store = new InMemoryIdentityStore();
    public final IdentityState state = new IdentityState(store);
    public final Domain defaultDomain = new Domain(Domain.DEFAULT_ID, "Default", "", true, List.of(), Map.of());
    public final Domain other = new Domain("other", "Other", "", true, List.of(), Map.of());
    public final Project parent = project("parent", Domain.DEFAULT_ID, null);
    public final Project child = project("child", Domain.DEFAULT_ID, "parent");
    public final Project grandchild = project("grandchild", Domain.DEFAULT_ID, "child");
    public final Project sibling = project("sibling", Domain.DEFAULT_ID, null);
    public final Project elsewhere = project("elsewhere", "other", null);
    public final User alice = user("alice");
    public final User bob = user("bob");
    public final User carol = user("carol");
    public final Group devs = new Group("devs", "devs", Domain.DEFAULT_ID, "", Map.of());
    public final Role admin = role("admin");
    public final Role member = role("member");
    public final Role reader = role("reader");
    public final Role observer = role("observer");

    public IdentityFixture() {
        store.write(tx -> {
            List.of(defaultDomain, other).forEach(tx.domains()::insert);
            List.of(parent, child, grandchild, sibling, elsewhere).forEach(tx.projects()::insert);
            List.of(alice, bob, carol).forEach(u -> tx.users().insert(u, null));
            tx.groups().insert(devs);
            tx.groups().addMember("devs", "alice");
            tx.groups().addMember("devs", "bob");
            List.of(admin, member, reader, observer).forEach(tx.roles()::insert);
            tx.roles().addImplication(new ImpliedRole("admin", "member"));
            tx.roles().addImplication(new ImpliedRole("member", "reader"));
            return null;
        });
    }

    /** A token of {@code user} scoped to {@code project} carrying {@code roles}, as the token service makes them. */
    public Token token(User user, Project project, Role... roles) {
        var payload = new TokenPayload(user.id(), Set.of(AuthMethod.PASSWORD), TokenScope.project(project.id()),
                Instant.now(), Instant.now().plusSeconds(3600), "audit-" + user.id(), null, null, null);
        return new Token("token-" + user.id(), payload, user, defaultDomain, project, defaultDomain, null,
                List.of(roles), null, null);
    }

    public Token adminToken() {
        return token(carol, sibling, admin, member, reader);
    }

    public IdentitySnapshot snapshot() {
        return state.current();
    }

    private static Project project(String id, String domainId, String parentId) {
        return new Project(id, id, domainId, parentId, "", true, List.of(), Map.of());
    }

    private static User user(String id) {
        return new User(id, id, Domain.DEFAULT_ID, true, null, null, null, null, null, Map.of());
    }

    private static Role role(String id) {
        return new Role(id, id, null, "", Map.of());
    }
}
