package dev.kumo.core.network.agent;

import dev.kumo.core.network.NetworkCaller;
import dev.kumo.core.network.NetworkSettings;
import dev.kumo.core.network.NeutronErrors;
import dev.kumo.core.network.TextRules;
import dev.kumo.core.network.store.NetworkStore;
import dev.kumo.model.error.CloudException;
import dev.kumo.model.network.Agent;
import dev.kumo.spi.network.OperationalStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Neutron's agents: the host's agents are registered (upserted) at start, listed and shown to admins with
 * their liveness, and admins change their admin state and description or delete them. Neutron's policy hides
 * agents from everyone else: a list is empty and an agent "could not be found". A deleted agent of a live host
 * comes back at the next start, as a Neutron agent comes back with its next heartbeat.
 */
public final class AgentService {
    private final NetworkStore store;
    private final AgentHost host;
    private final NetworkSettings settings;
    private final Supplier<OperationalStatus> probe;
    private final Clock clock;
    /** When this host's agents were last seen alive; the stored heartbeat until the first probe after start. */
    private final AtomicReference<Instant> lastAlive = new AtomicReference<>(Instant.EPOCH);

    public AgentService(NetworkStore store, AgentHost host, NetworkSettings settings, Supplier<OperationalStatus> probe,
                        Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.host = Objects.requireNonNull(host, "host");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers this host's agents, keeping what admins set on them; called once at start. */
    public List<Agent> register() {
        Instant now = now();
        boolean alive = probe.get().operational();
        List<Agent> registered = store.write(tx -> Arrays.stream(AgentKind.values()).map(kind -> {
            Optional<Agent> existing = tx.agents().find(kind.idOn(host.name()));
            Instant heartbeat = alive ? now : existing.map(Agent::heartbeatAt).orElse(now);
            Agent agent = new Agent(kind.idOn(host.name()), kind.agentType(), kind.binary(), host.name(), kind.topic(),
                    kind.zoned() ? settings.availabilityZone() : null,
                    existing.map(Agent::adminStateUp).orElse(true), existing.map(Agent::description).orElse(null),
                    existing.map(Agent::createdAt).orElse(now), now, heartbeat);
            if (existing.isPresent()) {
                tx.agents().update(agent);
            } else {
                tx.agents().insert(agent);
            }
            return agent;
        }).toList());
        registered.stream().map(Agent::heartbeatAt).max(Instant::compareTo).ifPresent(lastAlive::set);
        return registered;
    }

    /** Admins see every agent matching the filters (attribute name to accepted values); others see none. */
    public List<AgentState> list(NetworkCaller caller, Map<String, List<String>> filters) {
        if (!caller.admin()) {
            return List.of();
        }
        AgentFilters matcher = AgentFilters.parse(filters);
        List<AgentState> out = new ArrayList<>();
        boolean alive = probe.get().operational();
        for (Agent agent : store.read(tx -> tx.agents().list())) {
            AgentState state = state(agent, alive);
            if (matcher.matches(state)) {
                out.add(state);
            }
        }
        return out;
    }

    public AgentState show(NetworkCaller caller, String id) {
        return state(visible(caller, id), probe.get().operational());
    }

    public AgentState update(NetworkCaller caller, String id, AgentUpdate update) {
        visible(caller, id);
        String description = update.descriptionGiven() ? TextRules.limited("description", update.description()) : null;
        Agent updated = store.write(tx -> {
            Agent current = tx.agents().find(id).orElseThrow(() -> notFound(id));
            Agent next = current.withAdminState(
                    update.adminStateUp() != null ? update.adminStateUp() : current.adminStateUp(),
                    update.descriptionGiven() ? description : current.description());
            tx.agents().update(next);
            return next;
        });
        return state(updated, probe.get().operational());
    }

    public void delete(NetworkCaller caller, String id) {
        visible(caller, id);
        if (!store.write(tx -> tx.agents().delete(id))) {
            throw notFound(id);
        }
    }

    /** The agent, if the caller may see it: Neutron's policy answers 404 rather than 403 to non-admins. */
    private Agent visible(NetworkCaller caller, String id) {
        if (!caller.admin()) {
            throw notFound(id);
        }
        return store.read(tx -> tx.agents().find(id)).orElseThrow(() -> notFound(id));
    }

    private AgentState state(Agent agent, boolean hostAlive) {
        boolean alive = hostAlive && agent.host().equals(host.name());
        Instant heartbeat = agent.heartbeatAt();
        if (alive) {
            heartbeat = now();
            lastAlive.set(heartbeat);
        } else if (agent.host().equals(host.name()) && lastAlive.get().isAfter(heartbeat)) {
            heartbeat = lastAlive.get();
        }
        AgentKind kind = Arrays.stream(AgentKind.values()).filter(k -> k.agentType().equals(agent.agentType()))
                .findFirst().orElse(null);
        Map<String, Object> configurations = kind == null ? Map.of()
                : AgentConfigurations.of(kind, host, settings.tenantNetworkType());
        return new AgentState(agent, alive, heartbeat, configurations);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static CloudException notFound(String id) {
        return NeutronErrors.notFound("AgentNotFound", "Agent %s could not be found.", id);
    }
}
