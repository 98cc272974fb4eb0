package dev.kumo.core.network.store;

import dev.kumo.core.network.query.ListQuery;
import dev.kumo.core.network.query.Viewer;
import dev.kumo.core.network.subnet.SubnetAttribute;
import dev.kumo.model.network.Subnet;
import java.util.List;
import java.util.Optional;

public interface SubnetRepository {
    Optional<Subnet> find(String id, Viewer viewer);

    /** @throws dev.kumo.model.error.CloudException 404 when the marker is not a subnet the viewer sees */
    List<Subnet> list(ListQuery<SubnetAttribute> query, Viewer viewer);

    /** Every subnet of the network, whoever may see it, in creation order. */
    List<Subnet> ofNetwork(String networkId);

    void insert(Subnet subnet);

    void update(Subnet subnet);

    /** Deletes the row; the service has removed the subnet's IP allocations first. */
    void delete(String id);

    long countOwnedBy(String projectId);
}
