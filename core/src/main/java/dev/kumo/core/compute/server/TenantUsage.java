package dev.kumo.core.compute.server;

import java.time.Instant;
import java.util.List;

/**
 * One project's usage over a period (os-simple-tenant-usage): hours its servers ran inside the period, and
 * those hours times their vCPUs, RAM (MB) and disk (GB), with each server's share.
 */
public record TenantUsage(String tenantId, Instant start, Instant stop, double totalHours, double totalVcpusUsage,
                          double totalMemoryMbUsage, double totalLocalGbUsage, List<ServerUsage> servers) {
    public TenantUsage {
        servers = List.copyOf(servers);
    }

    /** A server's part: {@code endedAt} null while it exists; {@code state} "terminated" once deleted. */
    public record ServerUsage(String instanceId, String name, String tenantId, String flavor, int vcpus, long memoryMb,
                              long localGb, double hours, Instant startedAt, Instant endedAt, String state,
                              long uptimeSeconds) {}
}
