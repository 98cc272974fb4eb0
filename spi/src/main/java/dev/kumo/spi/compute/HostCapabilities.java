package dev.kumo.spi.compute;

import java.util.Objects;
import java.util.Set;

/**
 * One compute host as the driver sees it: total resources (before allocation ratios), the hypervisor type
 * shown in {@code os-hypervisors}, its availability zone, and flags the scheduler may filter on (e.g.
 * {@code "kvm"}, {@code "snapshot"}, {@code "serial-console"}).
 *
 * @param guestOverheadMb what each guest costs in RAM beyond its flavor's (the hypervisor process, and under QEMU's
 *                        TCG its translation cache); the scheduler counts it in every claim, so that the host's RAM
 *                        times the allocation ratio covers what the guests really take
 */
public record HostCapabilities(String host, String hypervisorType, String availabilityZone, int vcpus,
                               long memoryMb, long diskGb, Set<String> features, long guestOverheadMb) {
    public HostCapabilities {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorType, "hypervisorType");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        features = Set.copyOf(features);
        if (guestOverheadMb < 0) {
            throw new IllegalArgumentException("guestOverheadMb must not be negative: " + guestOverheadMb);
        }
    }

    /** A host whose guests cost no RAM beyond their flavors' (fake hypervisors). */
    public HostCapabilities(String host, String hypervisorType, String availabilityZone, int vcpus, long memoryMb,
                            long diskGb, Set<String> features) {
        this(host, hypervisorType, availabilityZone, vcpus, memoryMb, diskGb, features, 0);
    }

    /** What a guest of {@code flavorRamMb} takes from this host's RAM. */
    public long ramClaimMb(long flavorRamMb) {
        return flavorRamMb + guestOverheadMb;
    }
}
