package dev.kumo.core.network.store;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.router.RouterAttribute;
import dev.kumo.model.network.ResourceStatus;
import dev.kumo.model.network.Router;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Routers with their tags; their interface and gateway ports are in {@link PortRepository}. */
public interface RouterRepository {
    Optional<Router> find(String id, Viewer viewer);

    /** @throws dev.kumo.model.error.CloudException 404 when the marker is not a router the viewer sees */
    List<Router> list(ListQuery<RouterAttribute> query, Viewer viewer);

    /** Routers whose gateway is on the network. */
    List<Router> withGatewayOn(String networkId);

    void insert(Router router);

    void update(Router router);

    /** Records what the data path reported, as a change when it differs. @return whether it differed */
    boolean updateStatus(String id, ResourceStatus status, Instant now);

    void delete(String id);

    long countOwnedBy(String projectId);
}
