package dev.kumo.core.network.store;

import dev.kumo.core.network.floatingip.FloatingIpAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.model.network.FloatingIp;
import dev.kumo.model.network.ResourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Floating IPs with their tags; their addresses are held by ports in {@link PortRepository}. */
public interface FloatingIpRepository {
    Optional<FloatingIp> find(String id, Viewer viewer);

    /** @throws dev.kumo.model.error.CloudException 404 when the marker is not a floating IP the viewer sees */
    List<FloatingIp> list(ListQuery<FloatingIpAttribute> query, Viewer viewer);

    /** The floating IPs associated through the router. */
    List<FloatingIp> throughRouter(String routerId);

    /** The floating IP on {@code networkId} associated with that fixed address of the port, if any. */
    Optional<FloatingIp> associatedWith(String portId, String fixedIpAddress, String networkId);

    void insert(FloatingIp floatingIp);

    void update(FloatingIp floatingIp);

    /** Records what the data path reported, as a change when it differs. @return whether it differed */
    boolean updateStatus(String id, ResourceStatus status, Instant now);

    void delete(String id);

    long countOwnedBy(String projectId);
}
