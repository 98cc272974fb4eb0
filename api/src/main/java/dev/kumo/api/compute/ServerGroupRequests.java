package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.ServerGroup;
import java.util.List;
import java.util.Set;

/** Parses {@code POST /os-server-groups} as Nova's schemas do (2.1, 2.15 soft policies, 2.64 policy + rules). */
final class ServerGroupRequests {
    private ServerGroupRequests() {}

    /** What a create asks for; {@code maxPerHost} null when no rule was given. */
    record NewGroup(String name, String policy, Integer maxPerHost) {}

    static NewGroup parse(ObjectNode b, Microversion v) {
        boolean v264 = v.atLeast(2, 64);
        Set<String> allowed = v264 ? Set.of("name", "policy", "rules") : Set.of("name", "policies");
        b.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute server_group. Value: %s. "
                        + "Additional properties are not allowed ('%s' was unexpected)", b, k);
            }
        });
        String name = name(b);
        List<String> known = v.atLeast(2, 15) ? ServerGroup.POLICIES : ServerGroup.POLICIES.subList(0, 2);
        if (v264) {
            String policy = required(b, "policy");
            checkPolicy("policy", policy, known);
            return new NewGroup(name, policy, maxPerHost(b.get("rules")));
        }
        JsonNode policies = b.get("policies");
        if (policies == null) {
            throw missing(b, "policies");
        }
        if (!policies.isArray() || policies.size() != 1 || !policies.get(0).isTextual()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute policies. Value: %s. %s is not valid under "
                    + "the given schema: exactly one policy is required", policies, policies);
        }
        String policy = policies.get(0).asText();
        checkPolicy("policies", policy, known);
        return new NewGroup(name, policy, null);
    }

    private static String name(ObjectNode b) {
        String name = required(b, "name");
        if (name.isEmpty() || name.length() > 255 || !name.strip().equals(name)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute name. Value: %s. '%s' %s", name, name,
                    name.isEmpty() ? "is too short" : name.length() > 255 ? "is too long"
                            : "does not match the pattern (no leading or trailing whitespace)");
        }
        return name;
    }

    private static String required(ObjectNode b, String field) {
        if (!b.has(field)) {
            throw missing(b, field);
        }
        String text = NovaBody.text(b, field);
        if (text == null) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: None. None is not of type 'string'",
                    field);
        }
        return text;
    }

    private static RuntimeException missing(ObjectNode b, String field) {
        return ComputeErrors.badRequest("Invalid input for field/attribute server_group. Value: %s. '%s' is a required property",
                b, field);
    }

    private static void checkPolicy(String field, String policy, List<String> known) {
        if (!known.contains(policy)) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. '%s' is not one of %s",
                    field, policy, policy, known.stream().map(p -> "'" + p + "'").toList());
        }
    }

    /** 2.64's rules: only {@code max_server_per_host}, a positive integer. */
    private static Integer maxPerHost(JsonNode rules) {
        if (rules == null || rules.isNull()) {
            return null;
        }
        if (!rules.isObject()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute rules. Value: %s. %s is not of type 'object'",
                    rules, rules);
        }
        rules.fieldNames().forEachRemaining(k -> {
            if (!k.equals("max_server_per_host")) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute rules. Value: %s. "
                        + "Additional properties are not allowed ('%s' was unexpected)", rules, k);
            }
        });
        JsonNode max = rules.get("max_server_per_host");
        if (max == null) {
            return null;
        }
        boolean integral = max.isIntegralNumber() || max.isTextual() && max.asText().matches("\\d{1,9}");
        if (!integral || max.asInt() < 1) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute max_server_per_host. Value: %s. "
                    + "%s is not valid under any of the given schemas", max, max);
        }
        return max.asInt();
    }
}
