package dev.kumo.core.network.securitygroup;

import dev.kumo.core.network.store.NetworkTx;
import dev.kumo.model.network.SecurityGroup;
import dev.kumo.model.network.SecurityGroupRule;
import dev.kumo.model.network.StandardAttributes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The project's {@code default} group, made the first time the project touches security groups or creates a
 * port, as Neutron does: all egress allowed, ingress only from members of the group, for IPv4 and IPv6. It is
 * not counted against the quota.
 */
public final class DefaultSecurityGroups {
    static final String NAME = "default";

    private DefaultSecurityGroups() {}

    /** The project's default group, made now if it has none. Call inside a write transaction. */
    public static SecurityGroup ensure(NetworkTx tx, String projectId, Instant now) {
        return tx.securityGroups().defaultOf(projectId).orElseGet(() -> {
            String id = UUID.randomUUID().toString();
            var standard = StandardAttributes.created("Default security group", List.of(), now);
            var group = new SecurityGroup(id, projectId, NAME, true, true, List.of(
                    rule(projectId, id, "egress", "IPv4", null, now), rule(projectId, id, "egress", "IPv6", null, now),
                    rule(projectId, id, "ingress", "IPv4", id, now), rule(projectId, id, "ingress", "IPv6", id, now)),
                    standard);
            tx.securityGroups().insert(group);
            return group;
        });
    }

    private static SecurityGroupRule rule(String project, String group, String direction, String ethertype,
                                          String remoteGroup, Instant now) {
        return new SecurityGroupRule(UUID.randomUUID().toString(), project, group, direction, ethertype, null, null, null,
                null, remoteGroup, StandardAttributes.created("", List.of(), now));
    }
}
