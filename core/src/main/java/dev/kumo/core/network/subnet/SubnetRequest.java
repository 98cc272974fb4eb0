package dev.kumo.core.network.subnet;

import dev.kumo.model.network.AllocationPool;
import dev.kumo.model.network.HostRoute;
import java.util.List;

/**
 * A subnet to create, or the changes to one: null means "not given". The gateway is the one field where
 * an explicit null means something (no gateway), hence {@code gatewayGiven}. {@code subnetpoolId},
 * {@code useDefaultSubnetpool} and {@code prefixlen} ask for the CIDR (or a block of that length) from a pool.
 */
public record SubnetRequest(String name, String description, String projectId, String networkId, Integer ipVersion,
                            String cidr, boolean gatewayGiven, String gatewayIp, List<AllocationPool> allocationPools,
                            List<String> dnsNameservers, List<HostRoute> hostRoutes, Boolean enableDhcp,
                            String ipv6RaMode, String ipv6AddressMode, List<String> tags, String subnetpoolId,
                            boolean useDefaultSubnetpool, Integer prefixlen) {

    /** A request without subnet pools. */
    public SubnetRequest(String name, String description, String projectId, String networkId, Integer ipVersion,
                         String cidr, boolean gatewayGiven, String gatewayIp, List<AllocationPool> allocationPools,
                         List<String> dnsNameservers, List<HostRoute> hostRoutes, Boolean enableDhcp,
                         String ipv6RaMode, String ipv6AddressMode, List<String> tags) {
        this(name, description, projectId, networkId, ipVersion, cidr, gatewayGiven, gatewayIp, allocationPools,
                dnsNameservers, hostRoutes, enableDhcp, ipv6RaMode, ipv6AddressMode, tags, null, false, null);
    }

    /** A create request for {@code cidr} on the network, everything else defaulted. */
    public static SubnetRequest of(String networkId, int ipVersion, String cidr) {
        return new SubnetRequest(null, null, null, networkId, ipVersion, cidr, false, null, null, null, null, null,
                null, null, null);
    }
}
