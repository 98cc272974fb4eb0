package dev.kumo.core.compute.scheduler;

import java.util.Objects;

/** Where the scheduler put a server: the host and its availability zone. */
public record Placement(String host, String zone) {
    public Placement {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(zone, "zone");
    }
}
