package dev.kumo.core.network.ipavailability;

import java.math.BigInteger;
import java.util.Objects;

/** One subnet's addresses: {@code totalIps} in its allocation pools (an IPv6 /64 holds 2^64), {@code usedIps} allocated. */
public record SubnetIpAvailability(String subnetId, String subnetName, String cidr, int ipVersion, BigInteger totalIps,
                                   long usedIps) {
    public SubnetIpAvailability {
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(totalIps, "totalIps");
    }
}
