package dev.kumo.api.network;

import dev.kumo.core.network.agent.AgentState;
import dev.kumo.model.network.Agent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An agent as Neutron renders it. Agents are not standard-attribute resources: their timestamps are
 * {@code 2017-09-12 19:39:56} (UTC, a space, no zone), not the {@code Z} form of networks and ports.
 */
final class AgentViews {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private AgentViews() {}

    static void write(ViewWriter w, AgentState s) {
        Agent a = s.agent();
        w.string("id", a.id()).string("agent_type", a.agentType()).string("binary", a.binary())
                .string("topic", a.topic()).string("host", a.host()).bool("admin_state_up", a.adminStateUp())
                .string("created_at", time(a.createdAt())).string("started_at", time(a.startedAt()))
                .string("heartbeat_timestamp", time(s.heartbeat())).string("description", a.description())
                .bool("alive", s.alive()).map("configurations", s.configurations())
                .string("availability_zone", a.availabilityZone()).json("resources_synced", null);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
