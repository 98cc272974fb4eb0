package dev.kumo.core.network.store;

import dev.kumo.core.network.port.PortAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.model.network.Port;
import dev.kumo.model.network.ResourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ports with their fixed IPs, security groups and tags. The fixed IPs are the IP allocations: writing a
 * port writes them, and the database refuses an address already allocated on the subnet.
 */
public interface PortRepository {
    Optional<Port> find(String id, Viewer viewer);

    /** @throws dev.kumo.model.error.CloudException 404 when the marker is not a port the viewer sees */
    List<Port> list(ListQuery<PortAttribute> query, Viewer viewer);

    /** Every port of the network, whoever owns it. */
    List<Port> ofNetwork(String networkId);

    /** Every port with an address on the subnet. */
    List<Port> onSubnet(String subnetId);

    void insert(Port port);

    /** Rewrites the row, its fixed IPs, security groups and tags from {@code port}. */
    void update(Port port);

    /**
     * Records what the data path reported, as a change (a new revision at {@code now}) when it differs.
     *
     * @return whether it differed
     */
    boolean updateState(String id, ResourceStatus status, String vifType, Map<String, Object> vifDetails, Instant now);

    void delete(String id);

    long countOwnedBy(String projectId);

    boolean macInUse(String networkId, String macAddress);

    /** Every port id, for reconciliation. */
    List<String> ids();
}
