package dev.kumo.core.network.agent;

import dev.kumo.model.network.Agent;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An agent as the API shows it: the stored agent, whether it is alive now, its heartbeat (now when alive, else
 * the last time it was) and its agent-specific configuration.
 */
public record AgentState(Agent agent, boolean alive, Instant heartbeat, Map<String, Object> configurations) {
    public AgentState {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(heartbeat, "heartbeat");
        configurations = Map.copyOf(configurations);
    }
}
