package dev.kumo.core.compute.store;

import dev.kumo.core.compute.server.ServerGroup;
import java.util.List;
import java.util.Optional;

/** Server groups and their members; groups are read with their member ids (ordered by when they joined). */
public interface ServerGroupRepository {
    Optional<ServerGroup> find(String id);

    /** Oldest first; {@code projectId} null lists every project's. {@code limit} 0 means no limit. */
    List<ServerGroup> list(String projectId, int limit, int offset);

    int count(String projectId);

    void insert(ServerGroup group);

    /** Deletes the group and its memberships. */
    boolean delete(String id);

    void addMember(String groupId, String serverId);

    /** The group the server belongs to, if any. */
    Optional<ServerGroup> groupOf(String serverId);

    void removeMember(String serverId);
}
