package dev.kumo.core.compute.host;

import dev.kumo.core.compute.store.ServerRepository.Usage;
import dev.kumo.spi.compute.HostCapabilities;
import java.util.Objects;

/** A host as os-hypervisors shows it: what it has, what servers use, and its service's state. */
public record Hypervisor(ComputeService service, HostCapabilities capabilities, Usage used, boolean up) {
    public Hypervisor {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(used, "used");
    }

    /** The RAM the host's guests take: their flavors' plus the hypervisor's overhead for each. */
    public long ramUsedMb() {
        return used.ramMb() + used.instances() * capabilities.guestOverheadMb();
    }
}
