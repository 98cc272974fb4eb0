package dev.kumo.api.network;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.network.agent.AgentState;
import dev.kumo.core.network.agent.AgentUpdate;
import dev.kumo.core.network.query.PageRequest;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/**
 * {@code /v2.0/agents}: the host's agents for admins (list with filters and fields, show, change the admin state
 * and description, delete). Agents are registered by the server, never created through the API.
 */
final class AgentsHandler {
    private static final String BASE = NetworkApi.V2 + "/agents";
    private static final Set<String> UPDATE = Set.of("admin_state_up", "description");
    private static final Set<String> READ_ONLY = Set.of("id", "agent_type", "binary", "topic", "host", "created_at",
            "started_at", "heartbeat_timestamp", "alive", "configurations", "availability_zone", "resources_synced",
            "resource_versions", "load");

    private final NetworkServices services;
    private final NetworkCallers callers;

    AgentsHandler(NetworkServices services, NetworkCallers callers) {
        this.services = services;
        this.callers = callers;
    }

    void register(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.get(BASE + "/{id}", this::show);
        routes.put(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        var agents = services.agents().list(callers.require(ctx), ctx.queryParamMap());
        Responses.writeList(ctx, "agents", agents, AgentViews::write, s -> s.agent().id(), PageRequest.ALL);
    }

    private void show(Context ctx) {
        AgentState agent = services.agents().show(callers.require(ctx), ctx.pathParam("id"));
        Responses.writeOne(ctx, 200, "agent", agent, AgentViews::write);
    }

    private void update(Context ctx) {
        var caller = callers.require(ctx);
        ObjectNode node = NeutronBody.single(Json.body(ctx), "agent");
        NeutronBody body = NeutronBody.checked(node, UPDATE, READ_ONLY, false);
        var update = new AgentUpdate(body.bool("admin_state_up"), body.has("description"),
                body.nullableString("description"));
        AgentState agent = services.agents().update(caller, ctx.pathParam("id"), update);
        Responses.writeOne(ctx, 200, "agent", agent, AgentViews::write);
    }

    private void delete(Context ctx) {
        services.agents().delete(callers.require(ctx), ctx.pathParam("id"));
        ctx.status(204);
    }
}
