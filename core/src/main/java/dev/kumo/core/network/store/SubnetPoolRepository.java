package dev.kumo.core.network.store;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.subnetpool.SubnetPoolAttribute;
import dev.kumo.model.network.SubnetPool;
import java.util.List;
import java.util.Optional;

/** Subnet pools with their tags; what they have handed out is the CIDRs of the subnets that name them. */
public interface SubnetPoolRepository {
    /** A pool the viewer sees: its own or a shared one. */
    Optional<SubnetPool> find(String id, Viewer viewer);

    /** @throws dev.kumo.model.error.CloudException 404 when the marker is not a pool the viewer sees */
    List<SubnetPool> list(ListQuery<SubnetPoolAttribute> query, Viewer viewer);

    /** The default pool of the IP version, whoever owns it. */
    Optional<SubnetPool> defaultPool(int ipVersion);

    /** The CIDRs of the subnets allocated from the pool; only {@code projectId}'s unless it is null. */
    List<String> allocatedCidrs(String poolId, String projectId);

    void insert(SubnetPool pool);

    void update(SubnetPool pool);

    void delete(String id);
}
