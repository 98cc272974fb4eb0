package dev.kumo.core.compute.host;

import java.time.Instant;
import java.util.Objects;

/**
 * A nova-compute service row: its host, zone, numeric id (os-services shows one), heartbeat, and whether an
 * admin disabled it (no new servers) or forced it down (treated as down whatever its heartbeat).
 */
public record ComputeService(int id, String host, String zone, boolean disabled, String disabledReason,
                             Instant lastSeen, boolean forcedDown) {
    public ComputeService {
        Objects.requireNonNull(host, "host");
    }
}
