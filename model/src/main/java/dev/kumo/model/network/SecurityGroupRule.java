package dev.kumo.model.network;

import java.util.Objects;

/**
 * One rule of a security group: traffic in {@code direction} of {@code ethertype} matching the protocol
 * (null: any), the port range (for ICMP: type and code) and the remote side (a CIDR or a group's members,
 * or anyone when both are null) is allowed.
 */
public record SecurityGroupRule(String id, String projectId, String securityGroupId, String direction,
                                String ethertype, String protocol, Integer portRangeMin, Integer portRangeMax,
                                String remoteIpPrefix, String remoteGroupId, StandardAttributes standard) {
    public SecurityGroupRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(securityGroupId, "securityGroupId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ethertype, "ethertype");
        Objects.requireNonNull(standard, "standard");
    }

    /** The same rule in everything but identity and timestamps: Neutron's duplicate test. */
    public boolean sameMatch(SecurityGroupRule other) {
        return securityGroupId.equals(other.securityGroupId) && direction.equals(other.direction)
                && ethertype.equals(other.ethertype) && Objects.equals(protocol, other.protocol)
                && Objects.equals(portRangeMin, other.portRangeMin) && Objects.equals(portRangeMax, other.portRangeMax)
                && Objects.equals(remoteIpPrefix, other.remoteIpPrefix) && Objects.equals(remoteGroupId, other.remoteGroupId);
    }
}
