package dev.kumo.core.network.ip;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Neutron's allocation pool arithmetic: what a subnet hands out when nobody said. */
public final class AllocationRanges {
    private AllocationRanges() {}

    /**
     * The CIDR minus its network address, minus the broadcast address for IPv4, minus the gateway when the
     * gateway lies inside (Neutron's generate_pools). A /32 is its one address; a /31 (or /127) has none.
     */
    public static List<IpRange> defaults(Cidr cidr, IpAddress gateway) {
        if (cidr.size().equals(BigInteger.ONE)) {
            return List.of(new IpRange(cidr.first(), cidr.first()));
        }
        IpAddress first = cidr.first().plus(1);
        IpAddress last = cidr.version() == 4 ? cidr.last().plus(-1) : cidr.last();
        if (!first.lessThan(last)) {
            return List.of();
        }
        List<IpRange> ranges = new ArrayList<>();
        if (gateway != null && gateway.version() == cidr.version() && !gateway.lessThan(first) && !last.lessThan(gateway)) {
            if (first.lessThan(gateway)) {
                ranges.add(new IpRange(first, gateway.plus(-1)));
            }
            if (gateway.lessThan(last)) {
                ranges.add(new IpRange(gateway.plus(1), last));
            }
        } else {
            ranges.add(new IpRange(first, last));
        }
        return ranges;
    }

    /** The first and last addresses a pool of this CIDR may include (Neutron's validate_allocation_pools). */
    public static IpRange poolBounds(Cidr cidr) {
        IpAddress first = cidr.first().plus(1);
        IpAddress last = cidr.version() == 4 ? cidr.last().plus(-1) : cidr.last();
        return last.lessThan(first) ? new IpRange(cidr.first(), cidr.last()) : new IpRange(first, last);
    }
}
