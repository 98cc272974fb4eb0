package dev.kumo.core.compute.scheduler;

import dev.kumo.core.compute.server.ServerGroup;
import java.util.Map;
import java.util.Objects;

/**
 * A server group's policy applied to one placement, given how many of the group's other members each host
 * already runs. affinity and anti-affinity are filters (Nova's ServerGroupAffinityFilter and
 * ServerGroupAntiAffinityFilter); soft-affinity and soft-anti-affinity only weigh (Nova's
 * ServerGroupSoftAffinityWeigher and its anti twin), so they never make a placement fail.
 */
public final class GroupPlacement {
    /** No group: every host passes and weighs the same. */
    public static final GroupPlacement NONE = new GroupPlacement(null, Map.of());

    private final ServerGroup group;
    private final Map<String, Integer> membersOnHost;

    public GroupPlacement(ServerGroup group, Map<String, Integer> membersOnHost) {
        this.group = group;
        this.membersOnHost = Map.copyOf(Objects.requireNonNull(membersOnHost, "membersOnHost"));
    }

    /** Why the policy keeps the server off {@code host}, or null when it may go there. */
    public String rejection(String host) {
        if (group == null) {
            return null;
        }
        int here = membersOnHost.getOrDefault(host, 0);
        return switch (group.policy()) {
            case ServerGroup.AFFINITY -> membersOnHost.isEmpty() || here > 0 ? null
                    : "server group " + group.id() + " (affinity) has its members on " + String.join(", ",
                    membersOnHost.keySet().stream().sorted().toList());
            case ServerGroup.ANTI_AFFINITY -> here < group.membersPerHost() ? null
                    : "server group " + group.id() + " (anti-affinity) already has " + here + " member(s) here, "
                    + "at most " + group.membersPerHost() + " per host";
            default -> null;
        };
    }

    /** Higher is better: soft-affinity prefers hosts with more members, soft-anti-affinity fewer. */
    public int weight(String host) {
        if (group == null) {
            return 0;
        }
        int here = membersOnHost.getOrDefault(host, 0);
        return switch (group.policy()) {
            case ServerGroup.SOFT_AFFINITY -> here;
            case ServerGroup.SOFT_ANTI_AFFINITY -> -here;
            default -> 0;
        };
    }

    /** Whether the group is the reason a host was turned down (for the fault a user sees). */
    boolean filters() {
        return group != null && (group.policy().equals(ServerGroup.AFFINITY) || group.policy().equals(ServerGroup.ANTI_AFFINITY));
    }
}
