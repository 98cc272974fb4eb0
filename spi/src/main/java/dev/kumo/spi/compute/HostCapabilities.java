package dev.kumo.spi.compute;

import java.util.Objects;
import java.util.Set;

/**
 * One compute host as the driver sees it: total resources (before allocation ratios), the hypervisor type
 * shown in {@code os-hypervisors}, its availability zone, and flags the scheduler may filter on (e.g.
 * {@code "kvm"}, {@code "snapshot"}, {@code "serial-console"}).
 */
public record HostCapabilities(String host, String hypervisorType, String availabilityZone, int vcpus,
                               long memoryMb, long diskGb, Set<String> features) {
    public HostCapabilities {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hypervisorType, "hypervisorType");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        features = Set.copyOf(features);
    }
}
