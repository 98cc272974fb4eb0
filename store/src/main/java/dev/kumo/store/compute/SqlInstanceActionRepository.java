package dev.kumo.store.compute;

import dev.kumo.core.compute.action.history.ActionEvent;
import dev.kumo.core.compute.action.history.ActionPage;
import dev.kumo.core.compute.action.history.InstanceAction;
import dev.kumo.core.compute.store.InstanceActionRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Actions newest first by start time (request id breaking ties), as Nova orders them by creation. */
final class SqlInstanceActionRepository implements InstanceActionRepository {
    private static final String ACTION = "compute_instance_action";
    private static final String EVENT = "compute_instance_action_event";

    private final Handle handle;

    SqlInstanceActionRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public boolean insert(InstanceAction a) {
        boolean exists = handle.createQuery("SELECT COUNT(*) FROM " + ACTION + " WHERE instance_uuid = :i AND request_id = :r")
                .bind("i", a.instanceUuid()).bind("r", a.requestId()).mapTo(Integer.class).one() > 0;
        if (exists) {
            return false;
        }
        handle.createUpdate("INSERT INTO " + ACTION + " (instance_uuid, request_id, action, instance_project_id,"
                        + " user_id, project_id, start_time, updated_at, message) VALUES (:i, :r, :a, :ip, :u, :p, :s, :t, :m)")
                .bind("i", a.instanceUuid()).bind("r", a.requestId()).bind("a", a.action())
                .bind("ip", a.instanceProjectId()).bind("u", a.userId()).bind("p", a.projectId())
                .bind("s", a.startTime().toEpochMilli()).bind("t", a.updatedAt().toEpochMilli())
                .bind("m", a.message()).execute();
        return true;
    }

    @Override
    public List<InstanceAction> list(String instanceUuid, ActionPage page) {
        var where = new ArrayList<String>();
        where.add("instance_uuid = :i");
        if (page.changesSince() != null) {
            where.add("updated_at >= :since");
        }
        if (page.changesBefore() != null) {
            where.add("updated_at <= :before");
        }
        if (page.marker() != null) {
            String start = "(SELECT start_time FROM " + ACTION + " WHERE instance_uuid = :i AND request_id = :marker)";
            where.add("(start_time < " + start + " OR (start_time = " + start + " AND request_id < :marker))");
        }
        var query = handle.createQuery("SELECT * FROM " + ACTION + " WHERE " + String.join(" AND ", where)
                + " ORDER BY start_time DESC, request_id DESC" + (page.limit() > 0 ? " LIMIT " + page.limit() : ""))
                .bind("i", instanceUuid);
        if (page.changesSince() != null) {
            query.bind("since", page.changesSince().toEpochMilli());
        }
        if (page.changesBefore() != null) {
            query.bind("before", page.changesBefore().toEpochMilli());
        }
        if (page.marker() != null) {
            query.bind("marker", page.marker());
        }
        return query.map(SqlInstanceActionRepository::action).list();
    }

    @Override
    public Optional<InstanceAction> find(String instanceUuid, String requestId) {
        return handle.createQuery("SELECT * FROM " + ACTION + " WHERE instance_uuid = :i AND request_id = :r")
                .bind("i", instanceUuid).bind("r", requestId).map(SqlInstanceActionRepository::action).findOne()
                .map(a -> a.withEvents(events(instanceUuid, requestId)));
    }

    @Override
    public Optional<String> instanceProject(String instanceUuid) {
        return handle.createQuery("SELECT instance_project_id FROM " + ACTION + " WHERE instance_uuid = :i LIMIT 1")
                .bind("i", instanceUuid).mapTo(String.class).findOne();
    }

    @Override
    public Optional<String> latest(String instanceUuid, Collection<String> names) {
        if (names.isEmpty()) {
            return Optional.empty();
        }
        return handle.createQuery("SELECT request_id FROM " + ACTION + " WHERE instance_uuid = :i AND action IN (<names>)"
                        + " ORDER BY start_time DESC, request_id DESC LIMIT 1")
                .bind("i", instanceUuid).bindList("names", List.copyOf(names)).mapTo(String.class).findOne();
    }

    @Override
    public int addEvent(String instanceUuid, String requestId, ActionEvent e) {
        int seq = handle.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM " + EVENT
                        + " WHERE instance_uuid = :i AND request_id = :r")
                .bind("i", instanceUuid).bind("r", requestId).mapTo(Integer.class).one();
        handle.createUpdate("INSERT INTO " + EVENT + " (instance_uuid, request_id, seq, event, start_time, finish_time,"
                        + " result, traceback, host) VALUES (:i, :r, :seq, :e, :s, :f, :res, :tb, :h)")
                .bind("i", instanceUuid).bind("r", requestId).bind("seq", seq).bind("e", e.event())
                .bind("s", e.startTime().toEpochMilli()).bind("f", millis(e.finishTime())).bind("res", e.result())
                .bind("tb", e.traceback()).bind("h", e.host()).execute();
        return seq;
    }

    @Override
    public void updateEvent(String instanceUuid, String requestId, ActionEvent e) {
        handle.createUpdate("UPDATE " + EVENT + " SET finish_time = :f, result = :res, traceback = :tb, host = :h"
                        + " WHERE instance_uuid = :i AND request_id = :r AND seq = :seq")
                .bind("i", instanceUuid).bind("r", requestId).bind("seq", e.seq()).bind("f", millis(e.finishTime()))
                .bind("res", e.result()).bind("tb", e.traceback()).bind("h", e.host()).execute();
    }

    @Override
    public void touch(String instanceUuid, String requestId, Instant updatedAt, String message) {
        handle.createUpdate("UPDATE " + ACTION + " SET updated_at = :t, message = COALESCE(:m, message)"
                        + " WHERE instance_uuid = :i AND request_id = :r")
                .bind("i", instanceUuid).bind("r", requestId).bind("t", updatedAt.toEpochMilli()).bind("m", message)
                .execute();
    }

    /** Newest first. */
    private List<ActionEvent> events(String instanceUuid, String requestId) {
        return handle.createQuery("SELECT * FROM " + EVENT + " WHERE instance_uuid = :i AND request_id = :r"
                        + " ORDER BY seq DESC")
                .bind("i", instanceUuid).bind("r", requestId).map(SqlInstanceActionRepository::event).list();
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static InstanceAction action(ResultSet rs, StatementContext ctx) throws SQLException {
        return new InstanceAction(rs.getString("instance_uuid"), rs.getString("request_id"), rs.getString("action"),
                rs.getString("instance_project_id"), rs.getString("user_id"), rs.getString("project_id"),
                instant(rs, "start_time"), instant(rs, "updated_at"), rs.getString("message"), List.of());
    }

    private static ActionEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ActionEvent(rs.getInt("seq"), rs.getString("event"), instant(rs, "start_time"),
                instant(rs, "finish_time"), rs.getString("result"), rs.getString("traceback"), rs.getString("host"));
    }
}
