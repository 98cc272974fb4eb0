package dev.kumo.core.network.agent;

import dev.kumo.core.network.query.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A list request's filters on agents: any of an attribute's values matches, every attribute must match,
 * booleans convert as Neutron's converters do, attributes agents do not have are ignored (Neutron's rule).
 */
record AgentFilters(List<Condition> conditions) {
    private static final Map<String, Function<AgentState, Object>> ATTRIBUTES = Map.of(
            "id", s -> s.agent().id(),
            "agent_type", s -> s.agent().agentType(),
            "binary", s -> s.agent().binary(),
            "host", s -> s.agent().host(),
            "topic", s -> s.agent().topic(),
            "availability_zone", s -> s.agent().availabilityZone(),
            "description", s -> s.agent().description(),
            "admin_state_up", s -> s.agent().adminStateUp(),
            "alive", AgentState::alive);

    static AgentFilters parse(Map<String, List<String>> filters) {
        List<Condition> conditions = new ArrayList<>();
        filters.forEach((name, raw) -> {
            var attribute = ATTRIBUTES.get(name);
            List<String> values = raw.stream().filter(v -> !v.isEmpty()).toList();
            if (attribute == null || values.isEmpty()) {
                return;
            }
            boolean bool = name.equals("admin_state_up") || name.equals("alive");
            List<Object> accepted = values.stream()
                    .map(v -> bool ? ValueType.BOOLEAN.convert(name, v) : (Object) v).toList();
            conditions.add(new Condition(attribute, accepted));
        });
        return new AgentFilters(conditions);
    }

    boolean matches(AgentState state) {
        return conditions.stream().allMatch(c -> c.accepted().stream().anyMatch(v -> Objects.equals(v, c.attribute().apply(state))));
    }

    record Condition(Function<AgentState, Object> attribute, List<Object> accepted) {}
}
