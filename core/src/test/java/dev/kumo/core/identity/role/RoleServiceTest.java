package dev.kumo.core.identity.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.identity.IdentityFixture;
import dev.kumo.core.identity.assignment.AssignmentService;
import dev.kumo.core.identity.assignment.GrantTarget;
import dev.kumo.core.identity.token.Token;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.ApplicationCredential;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.TargetType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleServiceTest {
    private final IdentityFixture f = new IdentityFixture();
    private final RoleService roles = new RoleService(f.state);
    private final Token admin = f.adminToken();

    private Role create(String name, String domainId) {
        return roles.create(admin, new RoleChanges(null, name, null, domainId, null, null));
    }

    private static int status(Throwable e) {
        return ((CloudException) e).error().status();
    }

    @Test
    void namesAreUniquePerDomainAndGlobalAndDomainRolesAreListedApart() {
        Role local = create("observer", "default");
        assertThat(roles.list(admin, null, null)).extracting(Role::name).contains("observer").doesNotContain(local.id());
        assertThat(roles.list(admin, null, "default")).containsExactly(local);
        assertThatThrownBy(() -> create("observer", null)).satisfies(e -> assertThat(status(e)).isEqualTo(409))
                .hasMessage("Conflict occurred attempting to store role - Duplicate entry found with name observer.");
        assertThatThrownBy(() -> create("observer", "default")).hasMessageContaining("at domain ID default");
        assertThatThrownBy(() -> create("x", "nope")).hasMessage("Could not find domain: nope.");
    }

    @Test
    void immutableRolesCanOnlyHaveTheOptionCleared() {
        Role locked = roles.create(admin, new RoleChanges(null, "locked", null, null, Map.of("immutable", true), null));
        assertThat(RoleOptions.immutable(locked)).isTrue();
        assertThatThrownBy(() -> roles.delete(admin, locked.id())).satisfies(e -> assertThat(status(e)).isEqualTo(403));
        assertThatThrownBy(() -> roles.update(admin, locked.id(), new RoleChanges(null, "renamed", null, null, null, null)))
                .hasMessageContaining("Unable to update immutable role resource");
        var options = new java.util.HashMap<String, Object>();
        options.put("immutable", null);
        Role unlocked = roles.update(admin, locked.id(), new RoleChanges(null, null, null, null, options, null));
        assertThat(RoleOptions.of(unlocked)).isEmpty();
        roles.delete(admin, locked.id());
        assertThat(f.snapshot().role(locked.id())).isEmpty();
    }

    @Test
    void implicationRulesFollowKeystonesRestrictionsAndRefuseCycles() {
        Role a = create("a", null);
        Role b = create("b", null);
        Role local = create("local", "default");
        roles.imply(admin, a.id(), b.id());
        assertThatThrownBy(() -> roles.imply(admin, a.id(), b.id())).satisfies(e -> assertThat(status(e)).isEqualTo(409));
        assertThatThrownBy(() -> roles.imply(admin, b.id(), a.id())).satisfies(e -> assertThat(status(e)).isEqualTo(403))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> roles.imply(admin, "reader", "admin")).hasMessageContaining("admin cannot be an implied roles");
        assertThatThrownBy(() -> roles.imply(admin, a.id(), local.id()))
                .hasMessageContaining("a global role cannot imply a domain-specific role");
        roles.imply(admin, local.id(), a.id());
        assertThat(roles.implicationsOf(admin, a.id()).implies()).containsExactly(b);
        assertThat(roles.allImplications(admin)).extracting(i -> i.prior().id()).contains("admin", "member", a.id(), local.id());
        roles.removeImplication(admin, a.id(), b.id());
        assertThatThrownBy(() -> roles.implication(admin, a.id(), b.id(), false))
                .hasMessage(a.id() + " does not imply " + b.id() + ".");
    }

    @Test
    void deletingARoleDeletesItsGrantsRulesAndTheHoldersApplicationCredentials() {
        Role doomed = create("doomed", null);
        roles.imply(admin, doomed.id(), "observer");
        roles.imply(admin, "observer", "reader");
        var assignments = new AssignmentService(f.state);
        assignments.grant(admin, new GrantTarget(ActorType.USER, "alice", TargetType.PROJECT, "child", false), doomed.id());
        f.store.write(tx -> {
            tx.applicationCredentials().insert(new ApplicationCredential("ac1", "ci", "alice", "child", "", null, false,
                    List.of(doomed.id())), "hash");
            tx.applicationCredentials().insert(new ApplicationCredential("ac2", "ci", "alice", "parent", "", null, false,
                    List.of("reader")), "hash");
            return null;
        });
        roles.delete(admin, doomed.id());
        assertThat(f.snapshot().assignments()).noneMatch(a -> a.roleId().equals(doomed.id()));
        assertThat(f.snapshot().implications()).noneMatch(r -> r.priorRoleId().equals(doomed.id()));
        assertThat(f.snapshot().applicationCredentials()).containsOnlyKeys("ac2");
        assertThatThrownBy(() -> roles.get(admin, doomed.id())).hasMessage("Could not find role: " + doomed.id() + ".");
    }

    @Test
    void readingNeedsAReaderAndWritingAnAdmin() {
        Token alice = f.token(f.alice, f.child, f.member, f.reader);
        assertThatThrownBy(() -> roles.list(alice, null, null)).hasMessageContaining("identity:list_roles");
        assertThat(create("x", null).name()).isEqualTo("x");
        assertThatThrownBy(() -> roles.create(alice, new RoleChanges(null, "y", null, null, null, null)))
                .hasMessageContaining("identity:create_role");
    }
}
