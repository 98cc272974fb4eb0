package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.core.compute.ComputeErrors;
import dev.kumo.core.compute.server.SchedulerHints;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code os:scheduler_hints} of {@code POST /servers} (beside {@code server}; the old
 * {@code OS-SCH-HNT:scheduler_hints} too) as Nova's schema reads them: {@code group} a UUID, {@code same_host}
 * and {@code different_host} a server UUID or a list of them. Other hints are accepted and ignored, as Nova
 * ignores hints no enabled filter reads.
 */
final class SchedulerHintRequests {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private SchedulerHintRequests() {}

    static SchedulerHints parse(JsonNode body) {
        JsonNode hints = body.has("os:scheduler_hints") ? body.get("os:scheduler_hints")
                : body.get("OS-SCH-HNT:scheduler_hints");
        if (hints == null || hints.isNull()) {
            return SchedulerHints.NONE;
        }
        if (!hints.isObject()) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute os:scheduler_hints. Value: %s. %s is not of "
                    + "type 'object'", hints, hints);
        }
        List<String> group = ids(hints, "group");
        if (group.size() > 1) {
            throw ComputeErrors.badRequest("Invalid input for field/attribute group. Value: %s. %s is not of type 'string'",
                    hints.get("group"), hints.get("group"));
        }
        return new SchedulerHints(group.isEmpty() ? null : group.get(0), ids(hints, "same_host"),
                ids(hints, "different_host"));
    }

    /** The UUIDs under {@code field}: one string or (Nova's hint lists) an array of strings. */
    private static List<String> ids(JsonNode hints, String field) {
        JsonNode node = hints.get(field);
        var out = new ArrayList<String>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        for (String id : out) {
            if (!UUID.matcher(id).matches()) {
                throw ComputeErrors.badRequest("Invalid input for field/attribute %s. Value: %s. '%s' is not a 'uuid'",
                        field, id, id);
            }
        }
        return out;
    }
}
