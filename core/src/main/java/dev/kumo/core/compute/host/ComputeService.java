package dev.kumo.core.compute.host;

import java.time.Instant;
import java.util.Objects;

/** A nova-compute service row: its host, zone, numeric id (os-services shows one) and heartbeat. */
public record ComputeService(int id, String host, String zone, boolean disabled, String disabledReason,
                             Instant lastSeen) {
    public ComputeService {
        Objects.requireNonNull(host, "host");
    }
}
