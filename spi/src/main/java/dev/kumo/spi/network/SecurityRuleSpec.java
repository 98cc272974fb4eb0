package dev.kumo.spi.network;

import java.util.Objects;

/**
 * One allow rule: {@code direction} ingress or egress, {@code ethertype} IPv4 or IPv6, {@code protocol} a name
 * or number (null: any), the port range (for ICMP: type and code; null: any), and the remote side: a CIDR, the
 * members of a group, or anyone when both are null.
 */
public record SecurityRuleSpec(String ruleId, String direction, String ethertype, String protocol,
                               Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix,
                               String remoteGroupId) {
    public SecurityRuleSpec {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(ethertype, "ethertype");
    }
}
