package dev.kumo.core.compute.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.core.compute.store.ServerRepository.Usage;
import dev.kumo.spi.compute.HostCapabilities;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Guests cost their flavor's RAM plus the host's per-guest overhead, within the RAM times the ratio. */
class RamBudgetTest {
    private static HostCapabilities host(long memoryMb, long overheadMb) {
        return new HostCapabilities("h", "QEMU", "nova", 2, memoryMb, 100, Set.of("tcg"), overheadMb);
    }

    private static int howManyFit(HostCapabilities host, long flavorRamMb, double ratio) {
        int n = 0;
        while (RamBudget.fits(host, new Usage(n, n, n * flavorRamMb, 0), flavorRamMb, ratio)) {
            n++;
        }
        return n;
    }

    @Test
    void theOverheadOfEveryGuestCounts() {
        // 256 MiB guests under TCG with tb-size=64: 256 + 64 + 50 = 370 MiB each
        var tcg = host(2048, 114);
        assertThat(howManyFit(tcg, 256, 1.0)).isEqualTo(5);
        assertThat(5 * 370).isLessThanOrEqualTo(2048);
        assertThat(RamBudget.free(tcg, new Usage(5, 5, 5 * 256, 0), 1.0)).isEqualTo(2048 - 5 * 370);
        // without the overhead the same host would take 8 and be overcommitted by 2960 - 2048 MiB
        assertThat(howManyFit(host(2048, 0), 256, 1.0)).isEqualTo(8);
    }

    @Test
    void theRatioAppliesToTheWholeClaim() {
        var tcg = host(2048, 114);
        assertThat(howManyFit(tcg, 256, 1.5)).isEqualTo(8); // 3072 / 370
        assertThat(RamBudget.fits(tcg, Usage.NONE, 2048 - 114, 1.0)).isTrue();
        assertThat(RamBudget.fits(tcg, Usage.NONE, 2048 - 113, 1.0)).isFalse();
    }

    @Test
    void aClaimIsTheFlavorPlusTheOverhead() {
        assertThat(host(4096, 114).ramClaimMb(512)).isEqualTo(626);
        assertThat(new HostCapabilities("f", "fake", "nova", 8, 16384, 200, Set.of()).guestOverheadMb()).isZero();
    }
}
