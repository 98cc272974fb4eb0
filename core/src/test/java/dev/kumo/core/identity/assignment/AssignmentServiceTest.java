package dev.kumo.core.identity.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.core.identity.EffectiveRoles;
import dev.kumo.core.identity.IdentityFixture;
import dev.kumo.core.identity.token.Token;
import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.TargetType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentServiceTest {
    private final IdentityFixture f = new IdentityFixture();
    private final AssignmentService service = new AssignmentService(f.state);
    private final Token admin = f.adminToken();

    private static GrantTarget onProject(ActorType actor, String actorId, String projectId, boolean inherited) {
        return new GrantTarget(actor, actorId, TargetType.PROJECT, projectId, inherited);
    }

    private List<String> rows(AssignmentQuery q) {
        return service.list(admin, q).stream().map(r -> r.assignment().actorId() + "@" + r.assignment().targetId()
                + ":" + r.roleId()).toList();
    }

    private static AssignmentQuery effective(String userId, String projectId) {
        return new AssignmentQuery(userId, null, null, projectId, null, false, null, true, false);
    }

    @Test
    void groupGrantReachesEveryMemberWithTheGroupAsIndirectSource() {
        service.grant(admin, onProject(ActorType.GROUP, "devs", "parent", false), "member");

        List<ListedAssignment> rows = service.list(admin, effective(null, "parent"));
        assertThat(rows).extracting(r -> r.assignment().actorId() + ":" + r.roleId())
                .containsExactly("alice:member", "bob:member", "alice:reader", "bob:reader");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.assignment().actorType()).isEqualTo(ActorType.USER);
            assertThat(r.indirect().groupId()).isEqualTo("devs");
        });
        assertThat(rows.get(2).indirect().priorRoleId()).isEqualTo("member");
        // the direct list shows the grant itself
        assertThat(rows(new AssignmentQuery(null, null, null, "parent", null, false, null, false, false)))
                .containsExactly("devs@parent:member");
        assertThat(EffectiveRoles.of(f.snapshot(), "alice", TokenScope.project("parent"))).contains("member", "reader");
        assertThat(EffectiveRoles.of(f.snapshot(), "carol", TokenScope.project("parent"))).isEmpty();
    }

    @Test
    void effectiveListFilteredByUserShowsOnlyThatMember() {
        service.grant(admin, onProject(ActorType.GROUP, "devs", "parent", false), "observer");
        assertThat(rows(effective("bob", null))).containsExactly("bob@parent:observer");
        assertThat(rows(effective("carol", null))).isEmpty();
    }

    @Test
    void inheritedProjectGrantReachesTheProjectsBelowButNotTheProjectItself() {
        service.grant(admin, onProject(ActorType.USER, "alice", "parent", true), "observer");

        List<ListedAssignment> rows = service.list(admin, effective("alice", null));
        assertThat(rows).extracting(r -> r.assignment().targetId()).containsExactly("child", "grandchild");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.inherited()).isTrue();
            assertThat(r.indirect().inheritedFromType()).isEqualTo(TargetType.PROJECT);
            assertThat(r.indirect().inheritedFromId()).isEqualTo("parent");
        });
        assertThat(rows(effective("alice", "grandchild"))).containsExactly("alice@grandchild:observer");
        assertThat(rows(effective("alice", "parent"))).isEmpty();
        assertThat(EffectiveRoles.of(f.snapshot(), "alice", TokenScope.project("child"))).containsExactly("observer");
        assertThat(EffectiveRoles.of(f.snapshot(), "alice", TokenScope.project("parent"))).isEmpty();
    }

    @Test
    void inheritedDomainGrantToAGroupReachesEveryMemberOnEveryProjectOfTheDomain() {
        service.grant(admin, new GrantTarget(ActorType.GROUP, "devs", TargetType.DOMAIN, "default", true), "observer");

        assertThat(rows(effective(null, null))).hasSize(2 * 4).doesNotContain("alice@elsewhere:observer");
        assertThat(rows(effective(null, "sibling"))).containsExactly("alice@sibling:observer", "bob@sibling:observer");
        // domains do not inherit, so the domain itself gets nothing in the effective list
        assertThat(rows(new AssignmentQuery(null, null, null, null, "default", false, null, true, false))).isEmpty();
        var inheritedOnly = new AssignmentQuery(null, null, null, null, null, false, true, false, false);
        assertThat(rows(inheritedOnly)).containsExactly("devs@default:observer");
        assertThat(EffectiveRoles.of(f.snapshot(), "bob", TokenScope.project("grandchild"))).containsExactly("observer");
        assertThat(EffectiveRoles.of(f.snapshot(), "bob", TokenScope.domain("default"))).isEmpty();
    }

    @Test
    void domainSpecificRoleOnlyContributesWhatItImplies() {
        f.store.write(tx -> {
            tx.roles().insert(new Role("local", "local", "default", "", Map.of()));
            tx.roles().addImplication(new dev.kumo.model.identity.ImpliedRole("local", "observer"));
            return null;
        });
        service.grant(admin, onProject(ActorType.USER, "alice", "sibling", false), "local");

        List<ListedAssignment> rows = service.list(admin, effective("alice", "sibling"));
        assertThat(rows).extracting(ListedAssignment::roleId).containsExactly("observer");
        assertThat(rows.get(0).indirect().priorRoleId()).isEqualTo("local");
        assertThat(EffectiveRoles.of(f.snapshot(), "alice", TokenScope.project("sibling"))).containsExactly("observer");
        // the direct list still shows the grant
        assertThat(rows(new AssignmentQuery("alice", null, null, null, null, false, null, false, false)))
                .containsExactly("alice@sibling:local");
    }

    @Test
    void domainSpecificRoleMustMatchTheProjectsDomainAndCannotBeASystemGrant() {
        f.store.write(tx -> {
            tx.roles().insert(new Role("local", "local", "default", "", Map.of()));
            return null;
        });
        assertThatThrownBy(() -> service.grant(admin, onProject(ActorType.USER, "alice", "elsewhere", false), "local"))
                .isInstanceOf(CloudException.class).hasMessageContaining("must be in the same domain as the role local")
                .satisfies(e -> assertThat(((CloudException) e).error().status()).isEqualTo(403));
        assertThatThrownBy(() -> service.grant(admin, GrantTarget.system(ActorType.USER, "alice"), "local"))
                .satisfies(e -> assertThat(((CloudException) e).error().status()).isEqualTo(400));
    }

    @Test
    void includeSubtreeListsTheGrantsBelowTheProject() {
        service.grant(admin, onProject(ActorType.USER, "bob", "grandchild", false), "reader");
        service.grant(admin, onProject(ActorType.USER, "alice", "parent", false), "reader");
        var subtree = new AssignmentQuery(null, null, null, "parent", null, false, null, false, true);
        assertThat(rows(subtree)).containsExactlyInAnyOrder("alice@parent:reader", "bob@grandchild:reader");
        var noProject = new AssignmentQuery(null, null, null, null, null, false, null, false, true);
        assertThatThrownBy(() -> service.list(admin, noProject)).hasMessageContaining("scope.project.id must be specified");
    }

    @Test
    void grantCheckListAndRevokeOfAGroupGrant() {
        var on = onProject(ActorType.GROUP, "devs", "child", false);
        service.grant(admin, on, "member");
        service.grant(admin, on, "member");
        service.check(admin, on, "member");
        assertThat(service.roles(admin, on)).extracting(Role::id).containsExactly("member");
        service.revoke(admin, on, "member");
        assertThatThrownBy(() -> service.check(admin, on, "member")).hasMessageContaining(
                "Could not find role assignment with role: member, user or group: devs, project, domain, or system: child.");
        assertThatThrownBy(() -> service.revoke(admin, on, "member")).isInstanceOf(CloudException.class);
    }

    @Test
    void unknownThingsAre404WithKeystonesWording() {
        assertThatThrownBy(() -> service.grant(admin, onProject(ActorType.GROUP, "nope", "child", false), "member"))
                .hasMessage("Could not find group: nope.");
        assertThatThrownBy(() -> service.grant(admin, onProject(ActorType.USER, "alice", "nope", false), "member"))
                .hasMessage("Could not find project: nope.");
        assertThatThrownBy(() -> service.grant(admin, onProject(ActorType.USER, "alice", "child", false), "nope"))
                .hasMessage("Could not find role: nope.");
    }

    @Test
    void aNonAdminMayListOnlyItsOwnAssignmentsAndMayNotGrant() {
        service.grant(admin, onProject(ActorType.USER, "alice", "child", false), "member");
        Token alice = f.token(f.alice, f.child, f.member, f.reader);
        assertThat(service.list(alice, effective("alice", null))).hasSize(2);
        assertThatThrownBy(() -> service.list(alice, AssignmentQuery.ALL))
                .hasMessage("You are not authorized to perform the requested action: identity:list_role_assignments.");
        assertThatThrownBy(() -> service.grant(alice, onProject(ActorType.USER, "alice", "parent", false), "admin"))
                .hasMessageContaining("identity:create_grant");
    }

    @Test
    void contradictoryFiltersAre400() {
        var userAndGroup = new AssignmentQuery("alice", "devs", null, null, null, false, null, false, false);
        assertThatThrownBy(() -> service.list(admin, userAndGroup)).hasMessage("Specify a user or group, not both");
        var effectiveGroup = new AssignmentQuery(null, "devs", null, null, null, false, null, true, false);
        assertThatThrownBy(() -> service.list(admin, effectiveGroup))
                .hasMessage("Combining effective and group filter will always result in an empty list.");
    }
}
