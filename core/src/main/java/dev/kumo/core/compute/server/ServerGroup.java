package dev.kumo.core.compute.server;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A Nova server group: a placement policy shared by its members. {@code maxPerHost} is the 2.64 rule
 * {@code max_server_per_host} (anti-affinity only), null when not given. {@code members} are server ids.
 */
public record ServerGroup(String id, String projectId, String userId, String name, String policy, Integer maxPerHost,
                          Instant createdAt, List<String> members) {
    public static final String AFFINITY = "affinity";
    public static final String ANTI_AFFINITY = "anti-affinity";
    public static final String SOFT_AFFINITY = "soft-affinity";
    public static final String SOFT_ANTI_AFFINITY = "soft-anti-affinity";
    /** Every policy, in Nova's order; the soft ones from microversion 2.15. */
    public static final List<String> POLICIES = List.of(ANTI_AFFINITY, AFFINITY, SOFT_ANTI_AFFINITY, SOFT_AFFINITY);

    public ServerGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(policy, "policy");
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** How many members anti-affinity lets one host have: the rule, else one. */
    public int membersPerHost() {
        return maxPerHost == null ? 1 : maxPerHost;
    }
}
