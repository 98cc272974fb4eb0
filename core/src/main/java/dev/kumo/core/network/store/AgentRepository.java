package dev.kumo.core.network.store;

import dev.kumo.model.network.Agent;
import java.util.List;
import java.util.Optional;

/** The network agents of the hosts this process drives (a handful of rows: lists are not paged). */
public interface AgentRepository {
    /** Every agent, by host then type. */
    List<Agent> list();

    Optional<Agent> find(String id);

    void insert(Agent agent);

    /** Writes every attribute but the id and created_at; false when the agent is gone. */
    boolean update(Agent agent);

    boolean delete(String id);
}
