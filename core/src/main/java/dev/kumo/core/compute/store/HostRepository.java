package dev.kumo.core.compute.store;

import dev.kumo.core.compute.host.ComputeService;
import java.time.Instant;
import java.util.List;

/** The nova-compute services: one per host, with its last heartbeat and whether an admin disabled it. */
public interface HostRepository {
    void heartbeat(String host, String zone, Instant now);

    List<ComputeService> list();

    boolean setDisabled(String host, boolean disabled, String reason);

    boolean setForcedDown(String host, boolean forcedDown);
}
