package dev.kumo.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.identity.store.GroupRepository.Membership;
import dev.kumo.core.identity.token.TokenScope;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.ImpliedRole;
import dev.kumo.model.identity.Project;
import dev.kumo.model.identity.Role;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveRolesTest {
    private static final Project PARENT = new Project("parent", "parent", "d", null, "", true, List.of(), Map.of());
    private static final Project CHILD = new Project("child", "child", "d", "parent", "", true, List.of(), Map.of());

    private static IdentitySnapshot snapshot(List<RoleAssignment> assignments) {
        return new IdentitySnapshot(1, Map.of(), Map.of("parent", PARENT, "child", CHILD), Map.of(), Map.of(),
                List.of(new Membership("g", "alice")),
                Map.of("admin", role("admin"), "member", role("member"), "reader", role("reader")),
                List.of(new ImpliedRole("admin", "member"), new ImpliedRole("member", "reader")),
                assignments, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
    }

    private static Role role(String id) {
        return new Role(id, id, null, "", Map.of());
    }

    private static RoleAssignment grant(ActorType actor, String actorId, TargetType target, String targetId, String role,
                                        boolean inherited) {
        return new RoleAssignment(actor, actorId, target, targetId, role, inherited);
    }

    @Test
    void directGrantExpandsImpliedRoles() {
        var s = snapshot(List.of(grant(ActorType.USER, "alice", TargetType.PROJECT, "parent", "admin", false)));
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.project("parent"))).containsExactlyInAnyOrder("admin", "member", "reader");
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.project("child"))).isEmpty();
        assertThat(EffectiveRoles.of(s, "bob", TokenScope.project("parent"))).isEmpty();
    }

    @Test
    void groupGrantAppliesToMembers() {
        var s = snapshot(List.of(grant(ActorType.GROUP, "g", TargetType.PROJECT, "child", "reader", false)));
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.project("child"))).containsExactly("reader");
    }

    @Test
    void inheritedGrantsApplyBelowTheTargetNotOnIt() {
        var s = snapshot(List.of(
                grant(ActorType.USER, "alice", TargetType.PROJECT, "parent", "member", true),
                grant(ActorType.USER, "bob", TargetType.DOMAIN, "d", "reader", true)));
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.project("parent"))).isEmpty();
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.project("child"))).contains("member");
        assertThat(EffectiveRoles.of(s, "bob", TokenScope.project("parent"))).containsExactly("reader");
        assertThat(EffectiveRoles.of(s, "bob", TokenScope.domain("d"))).isEmpty();
    }

    @Test
    void systemAndDomainScopesUseTheirOwnGrants() {
        var s = snapshot(List.of(
                grant(ActorType.USER, "alice", TargetType.SYSTEM, TargetType.SYSTEM_ALL, "reader", false),
                grant(ActorType.USER, "alice", TargetType.DOMAIN, "d", "admin", false)));
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.SYSTEM)).containsExactly("reader");
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.domain("d"))).contains("admin", "reader");
        assertThat(EffectiveRoles.of(s, "alice", TokenScope.UNSCOPED)).isEmpty();
    }
}
