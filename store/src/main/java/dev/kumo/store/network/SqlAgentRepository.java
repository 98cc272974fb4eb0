package dev.kumo.store.network;

import dev.kumo.core.network.store.AgentRepository;
import dev.kumo.model.network.Agent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** Network agents in {@code network_agent}. */
final class SqlAgentRepository implements AgentRepository {
    private static final String COLUMNS = "id, agent_type, binary_name, host, topic, availability_zone, admin_state_up, "
            + "description, created_at, started_at, heartbeat_at";

    private final Handle handle;

    SqlAgentRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Agent> list() {
        return handle.createQuery("SELECT " + COLUMNS + " FROM network_agent ORDER BY host, agent_type")
                .map((rs, ctx) -> agent(rs)).list();
    }

    @Override
    public Optional<Agent> find(String id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM network_agent WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> agent(rs)).findOne();
    }

    @Override
    public void insert(Agent a) {
        bindAll(handle.createUpdate("INSERT INTO network_agent (" + COLUMNS + ") VALUES (:id, :type, :binary, :host, "
                + ":topic, :zone, :up, :description, :createdAt, :startedAt, :heartbeatAt)"), a)
                .bind("createdAt", a.createdAt().toEpochMilli()).execute();
    }

    @Override
    public boolean update(Agent a) {
        return bindAll(handle.createUpdate("UPDATE network_agent SET agent_type = :type, binary_name = :binary, "
                + "host = :host, topic = :topic, availability_zone = :zone, admin_state_up = :up, "
                + "description = :description, started_at = :startedAt, heartbeat_at = :heartbeatAt WHERE id = :id"), a)
                .execute() == 1;
    }

    @Override
    public boolean delete(String id) {
        return handle.createUpdate("DELETE FROM network_agent WHERE id = :id").bind("id", id).execute() == 1;
    }

    private static Update bindAll(Update update, Agent a) {
        return update.bind("id", a.id()).bind("type", a.agentType()).bind("binary", a.binary()).bind("host", a.host())
                .bind("topic", a.topic()).bind("zone", a.availabilityZone()).bind("up", a.adminStateUp())
                .bind("description", a.description()).bind("startedAt", a.startedAt().toEpochMilli())
                .bind("heartbeatAt", a.heartbeatAt().toEpochMilli());
    }

    private static Agent agent(ResultSet rs) throws SQLException {
        return new Agent(rs.getString("id"), rs.getString("agent_type"), rs.getString("binary_name"),
                rs.getString("host"), rs.getString("topic"), rs.getString("availability_zone"),
                rs.getBoolean("admin_state_up"), rs.getString("description"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("started_at")),
                Instant.ofEpochMilli(rs.getLong("heartbeat_at")));
    }
}
