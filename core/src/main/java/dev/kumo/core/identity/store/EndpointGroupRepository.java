package dev.kumo.core.identity.store;

import dev.kumo.model.identity.EndpointGroup;
import java.util.List;
import java.util.Optional;

/** OS-EP-FILTER endpoint groups. */
public interface EndpointGroupRepository {
    /** Ordered by id. */
    List<EndpointGroup> all();

    Optional<EndpointGroup> get(String id);

    void insert(EndpointGroup group);

    void update(EndpointGroup group);

    /** @return whether it existed */
    boolean delete(String id);
}
