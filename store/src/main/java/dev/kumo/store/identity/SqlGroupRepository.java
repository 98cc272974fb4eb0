package dev.kumo.store.identity;

import dev.kumo.core.identity.store.GroupRepository;
import dev.kumo.model.identity.Group;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Groups in {@code identity_group}, memberships in {@code group_membership}. */
final class SqlGroupRepository implements GroupRepository {
    private final Handle handle;

    SqlGroupRepository(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Group> all() {
        return handle.createQuery("SELECT id, name, domain_id, description, extra FROM identity_group ORDER BY id")
                .map((rs, ctx) -> new Group(rs.getString("id"), rs.getString("name"), rs.getString("domain_id"),
                        rs.getString("description"), ExtraJson.read(rs.getString("extra"))))
                .list();
    }

    @Override
    public void insert(Group group) {
        handle.createUpdate("""
                        INSERT INTO identity_group (id, name, domain_id, description, extra)
                        VALUES (:id, :name, :domainId, :description, :extra)""")
                .bind("id", group.id())
                .bind("name", group.name())
                .bind("domainId", group.domainId())
                .bind("description", group.description())
                .bind("extra", ExtraJson.write(group.extra()))
                .execute();
    }

    @Override
    public void update(Group group) {
        int rows = handle.createUpdate("""
                        UPDATE identity_group SET name = :name, domain_id = :domainId, description = :description,
                            extra = :extra
                        WHERE id = :id""")
                .bind("id", group.id())
                .bind("name", group.name())
                .bind("domainId", group.domainId())
                .bind("description", group.description())
                .bind("extra", ExtraJson.write(group.extra()))
                .execute();
        Columns.requireUpdated(rows, "group", group.id());
    }

    /** Its memberships go with it (foreign key cascade). */
    @Override
    public void delete(String id) {
        handle.createUpdate("DELETE FROM identity_group WHERE id = :id").bind("id", id).execute();
    }

    @Override
    public List<Membership> memberships() {
        return handle.createQuery("SELECT group_id, user_id FROM group_membership ORDER BY group_id, user_id")
                .map((rs, ctx) -> new Membership(rs.getString("group_id"), rs.getString("user_id")))
                .list();
    }

    /** Idempotent, as Keystone's PUT of a membership is. */
    @Override
    public void addMember(String groupId, String userId) {
        handle.createUpdate("""
                        INSERT INTO group_membership (group_id, user_id) VALUES (:groupId, :userId)
                        ON CONFLICT DO NOTHING""")
                .bind("groupId", groupId)
                .bind("userId", userId)
                .execute();
    }

    @Override
    public void removeMember(String groupId, String userId) {
        handle.createUpdate("DELETE FROM group_membership WHERE group_id = :groupId AND user_id = :userId")
                .bind("groupId", groupId)
                .bind("userId", userId)
                .execute();
    }
}
