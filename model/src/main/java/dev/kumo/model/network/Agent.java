package dev.kumo.model.network;

import java.time.Instant;
import java.util.Objects;

/**
 * A Neutron agent as stored: one of the services of a host that carry the data path (the Linux bridge, DHCP,
 * L3 and metadata agents of kumo's all-in-one host). Whether it is alive is not stored: it is the network
 * driver's probe at the time of asking.
 *
 * @param id               stable across restarts: derived from host and type
 * @param topic            the message queue topic Neutron's agent would listen on ({@code N/A} when none)
 * @param availabilityZone null for agents that do not schedule resources (Neutron's rule)
 * @param description      null until an admin sets one, as in Neutron
 * @param startedAt        when this process last started the agent
 * @param heartbeatAt      the last time the agent was seen alive
 */
public record Agent(String id, String agentType, String binary, String host, String topic, String availabilityZone,
                    boolean adminStateUp, String description, Instant createdAt, Instant startedAt,
                    Instant heartbeatAt) {
    public Agent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agentType, "agentType");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(heartbeatAt, "heartbeatAt");
    }

    public Agent withAdminState(boolean up, String newDescription) {
        return new Agent(id, agentType, binary, host, topic, availabilityZone, up, newDescription, createdAt, startedAt,
                heartbeatAt);
    }
}
