package dev.kumo.spi.network;

import java.util.List;
import java.util.Objects;

/**
 * One security group as the data path needs it: the rules that allow traffic to and from the ports in it
 * ({@link PortSpec#securityGroupIds()}). Everything else is dropped on ingress; a stateful group also allows
 * the replies of allowed connections. Members of a remote group are the ports the driver carries in that group.
 */
public record SecurityGroupSpec(String groupId, boolean stateful, List<SecurityRuleSpec> rules) {
    public SecurityGroupSpec {
        Objects.requireNonNull(groupId, "groupId");
        rules = List.copyOf(rules);
    }
}
