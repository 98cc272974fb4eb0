package dev.kumo.core.identity.store;

import dev.kumo.model.identity.Group;
import java.util.List;

public interface GroupRepository {
    List<Group> all();

    void insert(Group group);

    void update(Group group);

    void delete(String id);

    /** Every membership as (group id, user id). */
    List<Membership> memberships();

    void addMember(String groupId, String userId);

    void removeMember(String groupId, String userId);

    record Membership(String groupId, String userId) {}
}
