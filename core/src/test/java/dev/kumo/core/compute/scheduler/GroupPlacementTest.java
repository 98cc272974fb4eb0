package dev.kumo.core.compute.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.compute.server.ServerGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Server-group policies as filters (hard) and weighers (soft), given where the other members run. */
class GroupPlacementTest {
    private static ServerGroup group(String policy, Integer maxPerHost) {
        return new ServerGroup("g1", "p", "u", "g", policy, maxPerHost, Instant.EPOCH, List.of("a", "b"));
    }

    @Test
    void affinityKeepsNewMembersOnTheHostOfTheExistingOnes() {
        var p = new GroupPlacement(group(ServerGroup.AFFINITY, null), Map.of("compute-1", 2));
        assertThat(p.rejection("compute-1")).isNull();
        assertThat(p.rejection("compute-2")).contains("affinity").contains("compute-1");
        assertThat(p.filters()).isTrue();
    }

    @Test
    void theFirstMemberOfAnAffinityGroupMayGoAnywhere() {
        var p = new GroupPlacement(group(ServerGroup.AFFINITY, null), Map.of());
        assertThat(p.rejection("compute-1")).isNull();
        assertThat(p.rejection("compute-2")).isNull();
    }

    @Test
    void antiAffinityAllowsOneMemberPerHostUnlessTheRuleSaysMore() {
        var one = new GroupPlacement(group(ServerGroup.ANTI_AFFINITY, null), Map.of("compute-1", 1));
        assertThat(one.rejection("compute-1")).contains("anti-affinity").contains("at most 1 per host");
        assertThat(one.rejection("compute-2")).isNull();
        var two = new GroupPlacement(group(ServerGroup.ANTI_AFFINITY, 2), Map.of("compute-1", 1, "compute-2", 2));
        assertThat(two.rejection("compute-1")).isNull();
        assertThat(two.rejection("compute-2")).contains("already has 2 member(s)");
    }

    @Test
    void softPoliciesNeverRejectButWeighByMembersOnTheHost() {
        var members = Map.of("compute-1", 2, "compute-2", 1);
        var soft = new GroupPlacement(group(ServerGroup.SOFT_AFFINITY, null), members);
        var softAnti = new GroupPlacement(group(ServerGroup.SOFT_ANTI_AFFINITY, null), members);
        for (String host : List.of("compute-1", "compute-2", "compute-3")) {
            assertThat(soft.rejection(host)).isNull();
            assertThat(softAnti.rejection(host)).isNull();
        }
        assertThat(soft.weight("compute-1")).isGreaterThan(soft.weight("compute-2"));
        assertThat(softAnti.weight("compute-3")).isGreaterThan(softAnti.weight("compute-2"))
                .isGreaterThan(softAnti.weight("compute-1"));
        assertThat(soft.filters()).isFalse();
    }

    @Test
    void noGroupChangesNothing() {
        assertThat(GroupPlacement.NONE.rejection("compute-1")).isNull();
        assertThat(GroupPlacement.NONE.weight("compute-1")).isZero();
    }
}
