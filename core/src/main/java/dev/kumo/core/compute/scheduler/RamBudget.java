package dev.kumo.core.compute.scheduler;

import dev.kumo.core.compute.store.ServerRepository.Usage;
import dev.kumo.spi.compute.HostCapabilities;

/**
 * A host's RAM as the scheduler counts it: its total times the allocation ratio, less what each guest takes,
 * which is its flavor's RAM plus the hypervisor's per-guest overhead (QEMU, the TCG cache). Counting the
 * overhead is what keeps a host full of small guests from being overcommitted beyond the ratio.
 */
final class RamBudget {
    private RamBudget() {}

    static double free(HostCapabilities host, Usage used, double ratio) {
        return host.memoryMb() * ratio - used.ramMb() - (double) used.instances() * host.guestOverheadMb();
    }

    static boolean fits(HostCapabilities host, Usage used, long flavorRamMb, double ratio) {
        return host.ramClaimMb(flavorRamMb) <= free(host, used, ratio);
    }
}
