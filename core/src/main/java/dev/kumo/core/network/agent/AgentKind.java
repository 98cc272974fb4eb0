package dev.kumo.core.network.agent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The agents of kumo's all-in-one host, named as Neutron's reference agents name themselves (clients filter
 * on these exact strings: {@code openstack network agent list --agent-type dhcp} sends "DHCP agent").
 *
 * @param zoned whether the agent reports the availability zone (Neutron's DHCP and L3 agents do, others null)
 */
public enum AgentKind {
    LINUX_BRIDGE("Linux bridge agent", "neutron-linuxbridge-agent", "N/A", false),
    DHCP("DHCP agent", "neutron-dhcp-agent", "dhcp_agent", true),
    L3("L3 agent", "neutron-l3-agent", "l3_agent", true),
    METADATA("Metadata agent", "neutron-metadata-agent", "N/A", false);

    private final String agentType;
    private final String binary;
    private final String topic;
    private final boolean zoned;

    AgentKind(String agentType, String binary, String topic, boolean zoned) {
        this.agentType = agentType;
        this.binary = binary;
        this.topic = topic;
        this.zoned = zoned;
    }

    public String agentType() {
        return agentType;
    }

    public String binary() {
        return binary;
    }

    public String topic() {
        return topic;
    }

    public boolean zoned() {
        return zoned;
    }

    /** A name-based (version 3) UUID of host and type: the same agent keeps its id across restarts. */
    public String idOn(String host) {
        return UUID.nameUUIDFromBytes(("neutron-agent:" + host + ":" + agentType).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
