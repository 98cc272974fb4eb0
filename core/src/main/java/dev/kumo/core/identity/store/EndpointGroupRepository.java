package dev.kumo.core.identity.store;

import dev.kumo.model.identity.EndpointGroup;
import java.util.List;
import java.util.Optional;

/** OS-EP-FILTER endpoint groups and the projects they are associated with. */
public interface EndpointGroupRepository {
    /** Ordered by id. */
    List<EndpointGroup> all();

    Optional<EndpointGroup> get(String id);

    void insert(EndpointGroup group);

    void update(EndpointGroup group);

    /** Also ends the group's project associations. @return whether it existed */
    boolean delete(String id);

    /** Ids of the projects associated with the group, ordered. */
    List<String> projectIds(String groupId);

    /** Ids of the groups associated with the project, ordered. */
    List<String> groupIdsOfProject(String projectId);

    /** Idempotent. */
    void associate(String groupId, String projectId);

    /** @return whether the association existed */
    boolean dissociate(String groupId, String projectId);
}
