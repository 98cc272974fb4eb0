package dev.kumo.core.network.store;

import dev.kumo.model.network.AllocationPool;
import java.util.List;
import java.util.Set;

/**
 * Counts of allocated addresses per subnet, for network IP availability: one row per subnet (one per network
 * without subnets, with a null subnet), the allocations counted by the database rather than loaded.
 */
public interface IpAvailabilityRepository {
    /**
     * Rows of the networks matching every non-empty filter (any of its values), ordered by network then subnet
     * id. An {@code ipVersions} filter leaves out networks without a subnet of those versions, as Neutron does.
     */
    List<SubnetUsage> usage(Set<String> networkIds, Set<String> networkNames, Set<String> projectIds,
                            Set<Integer> ipVersions);

    /** A network with one of its subnets (all subnet fields null when it has none) and its allocation count. */
    record SubnetUsage(String networkId, String networkName, String projectId, String subnetId, String subnetName,
                       String cidr, int ipVersion, List<AllocationPool> pools, long usedIps) {
        public SubnetUsage {
            pools = pools == null ? List.of() : List.copyOf(pools);
        }
    }
}
