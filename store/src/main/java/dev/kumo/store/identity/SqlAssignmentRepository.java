package dev.kumo.store.identity;

import dev.kumo.core.identity.store.AssignmentRepository;
import dev.kumo.model.identity.ActorType;
import dev.kumo.model.identity.RoleAssignment;
import dev.kumo.model.identity.TargetType;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** Role assignments in {@code role_assignment}; the enums are stored as their names. */
final class SqlAssignmentRepository implements AssignmentRepository {
    private static final String MATCHES = """
            actor_type = :actorType AND actor_id = :actorId AND target_type = :targetType
            AND target_id = :targetId AND role_id = :roleId AND inherited = :inherited""";

    private final Handle handle;

    SqlAssignmentRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<RoleAssignment> all() {
        return handle.createQuery("""
                        SELECT actor_type, actor_id, target_type, target_id, role_id, inherited FROM role_assignment
                        ORDER BY actor_type, actor_id, target_type, target_id, role_id, inherited""")
                .map((rs, ctx) -> new RoleAssignment(ActorType.valueOf(rs.getString("actor_type")),
                        rs.getString("actor_id"), TargetType.valueOf(rs.getString("target_type")),
                        rs.getString("target_id"), rs.getString("role_id"), rs.getBoolean("inherited")))
                .list();
    }

    @Override
    public void grant(RoleAssignment assignment) {
        handle.createUpdate("""
                        INSERT INTO role_assignment (actor_type, actor_id, target_type, target_id, role_id, inherited)
                        VALUES (:actorType, :actorId, :targetType, :targetId, :roleId, :inherited)
                        ON CONFLICT DO NOTHING""")
                .bindMap(columns(assignment))
                .execute();
    }

    @Override
    public boolean revoke(RoleAssignment assignment) {
        return handle.createUpdate("DELETE FROM role_assignment WHERE " + MATCHES)
                .bindMap(columns(assignment))
                .execute() > 0;
    }

    @Override
    public void deleteMentioning(String id) {
        handle.createUpdate("DELETE FROM role_assignment WHERE actor_id = :id OR target_id = :id OR role_id = :id")
                .bind("id", id)
                .execute();
    }

    private static Map<String, Object> columns(RoleAssignment a) {
        return Map.of("actorType", a.actorType().name(), "actorId", a.actorId(),
                "targetType", a.targetType().name(), "targetId", a.targetId(), "roleId", a.roleId(),
                "inherited", a.inherited());
    }
}
