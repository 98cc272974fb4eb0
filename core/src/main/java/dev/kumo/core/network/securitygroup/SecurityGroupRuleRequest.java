package dev.kumo.core.network.securitygroup;

/** A rule create as the API received it; null means "not given". */
public record SecurityGroupRuleRequest(String securityGroupId, String direction, String ethertype, String protocol,
                                       Integer portRangeMin, Integer portRangeMax, String remoteIpPrefix,
                                       String remoteGroupId, String description, String projectId) {
}
