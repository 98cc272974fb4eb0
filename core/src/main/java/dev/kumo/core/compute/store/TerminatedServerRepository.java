package dev.kumo.core.compute.store;

import dev.kumo.core.compute.server.Server;
import java.time.Instant;
import java.util.List;

/** What deleted servers used, kept for os-simple-tenant-usage after their rows are gone. */
public interface TerminatedServerRepository {
    /** Records the server's usage as it is deleted; recording it twice keeps the first. */
    void record(Server server, Instant terminatedAt);

    /** Servers terminated at or after {@code from} (launched before {@code to}); {@code projectId} null is all. */
    List<TerminatedServer> overlapping(String projectId, Instant from, Instant to);

    record TerminatedServer(String id, String projectId, String name, String flavorName, int vcpus, long ramMb,
                            long diskGb, Instant launchedAt, Instant terminatedAt) {}
}
