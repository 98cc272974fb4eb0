package dev.kumo.api.compute;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.core.compute.ComputeCaller;
import dev.kumo.core.compute.action.history.ActionEvent;
import dev.kumo.core.compute.action.history.InstanceAction;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Nova's instance action documents: updated_at from 2.58; events for admins always (with traceback) and for
 * the server's project from 2.51 (without); the event's hostId from 2.62 for all, its host for admins.
 */
final class InstanceActionViews {
    /** Nova writes these times as its database has them: UTC, microseconds, no zone. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private InstanceActionViews() {}

    static ObjectNode action(InstanceAction a, Microversion v) {
        var o = Json.object().put("action", a.action()).put("instance_uuid", a.instanceUuid())
                .put("request_id", a.requestId()).put("user_id", a.userId()).put("project_id", a.projectId())
                .put("start_time", time(a.startTime())).put("message", a.message());
        if (v.atLeast(2, 58)) {
            o.put("updated_at", time(a.updatedAt()));
        }
        return o;
    }

    static ObjectNode withEvents(InstanceAction a, Microversion v, ComputeCaller caller) {
        var o = action(a, v);
        if (!caller.admin() && !v.atLeast(2, 51)) {
            return o;
        }
        var events = o.putArray("events");
        for (ActionEvent e : a.events()) {
            var eo = events.addObject().put("event", e.event()).put("start_time", time(e.startTime()))
                    .put("finish_time", time(e.finishTime())).put("result", e.result());
            if (caller.admin()) {
                eo.put("traceback", e.traceback());
            }
            if (v.atLeast(2, 62)) {
                if (caller.admin()) {
                    eo.put("host", e.host());
                }
                eo.put("hostId", HostIds.of(a.projectId(), e.host()));
            }
        }
        return o;
    }

    static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }
}
