package dev.kumo.spi.compute;

import java.util.Objects;

/** What the hypervisor reports about one instance. */
public record InstanceInfo(String id, String host, PowerState powerState, int vcpus, long memoryMb) {
    public InstanceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(powerState, "powerState");
    }
}
