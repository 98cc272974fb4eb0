package dev.kumo.core.network.store;

import dev.kumo.core.network.ip.IpAddress;
import dev.kumo.core.network.ip.IpRange;
import java.util.Optional;
import java.util.Set;

/** IPAM's view of the IP allocations that ports hold (written through {@link PortRepository}). */
public interface AllocationRepository {
    /** The port holding {@code ip} on the subnet, if any. */
    Optional<String> holder(String subnetId, IpAddress ip);

    /**
     * The lowest address of {@code range} that is neither allocated on the subnet nor in {@code pending}
     * (addresses already chosen in this transaction but not yet written).
     */
    Optional<IpAddress> lowestFree(String subnetId, IpRange range, Set<IpAddress> pending);
}
