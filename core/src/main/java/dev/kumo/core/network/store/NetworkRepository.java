package dev.kumo.core.network.store;

import dev.kumo.core.network.network.NetworkAttribute;
import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.model.network.Network;
import dev.kumo.model.network.ResourceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Networks; the {@code subnetIds} of the networks it returns are their subnets, in creation order. */
public interface NetworkRepository {
    /** The network if it exists and {@code viewer} may see it. */
    Optional<Network> find(String id, Viewer viewer);

    /**
     * The page of networks {@code viewer} sees that match the query, in its order.
     *
     * @throws dev.kumo.model.error.CloudException 404 when the marker is not a network the viewer sees
     */
    List<Network> list(ListQuery<NetworkAttribute> query, Viewer viewer);

    /** Inserts the row and its tags; {@code subnetIds} is ignored. */
    void insert(Network network);

    /** Rewrites every column and the tags from {@code network}. */
    void update(Network network);

    /**
     * Records what the data path reported, as a change (a new revision at {@code now}) when it differs.
     *
     * @return whether it differed
     */
    boolean updateStatus(String id, ResourceStatus status, Instant now);

    void delete(String id);

    long countOwnedBy(String projectId);

    /** The lowest segmentation id in [min, max] no network of {@code networkType} uses, if any. */
    OptionalInt freeSegmentationId(String networkType, int min, int max);

    /**
     * Whether another network already uses the segment: the same type, physical network and segmentation id
     * (for flat networks, the physical network alone).
     */
    boolean segmentInUse(String networkType, String physicalNetwork, Integer segmentationId);

    /** Projects other than the owner with ports on the network (sharing cannot be withdrawn then). */
    boolean hasPortsOfOtherProjects(String networkId, String ownerProjectId);

    /** Every network id, for reconciliation. */
    List<String> ids();
}
