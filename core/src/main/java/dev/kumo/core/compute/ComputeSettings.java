package dev.kumo.core.compute;

import java.time.Duration;

/**
 * Tunables: allocation ratios applied to each host's totals, how long a host may go without a heartbeat
 * before the scheduler stops using it, and the default availability zone.
 */
public record ComputeSettings(double cpuAllocationRatio, double ramAllocationRatio, double diskAllocationRatio,
                             Duration serviceDownAfter, Duration heartbeatInterval, String defaultZone) {
    public static ComputeSettings defaults() {
        return new ComputeSettings(16.0, 1.5, 1.0, Duration.ofSeconds(60), Duration.ofSeconds(10), "nova");
    }
}
