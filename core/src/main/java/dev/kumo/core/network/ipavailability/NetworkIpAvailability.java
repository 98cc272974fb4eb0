package dev.kumo.core.network.ipavailability;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/** A network's addresses: the sums over its subnets, and each subnet's (none when it has no subnet). */
public record NetworkIpAvailability(String networkId, String networkName, String projectId, BigInteger totalIps,
                                    long usedIps, List<SubnetIpAvailability> subnets) {
    public NetworkIpAvailability {
        Objects.requireNonNull(networkId, "networkId");
        Objects.requireNonNull(totalIps, "totalIps");
        subnets = List.copyOf(subnets);
    }
}
