package dev.kumo.core.compute.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hours a server is billed for inside a usage period. */
class TenantUsagesTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-02T00:00:00Z");

    @Test
    void onlyTheOverlapWithThePeriodCounts() {
        assertThat(TenantUsages.hours(START.minusSeconds(7200), null, START, END)).isEqualTo(24.0);
        assertThat(TenantUsages.hours(START.plusSeconds(3600), START.plusSeconds(3 * 3600), START, END)).isEqualTo(2.0);
        assertThat(TenantUsages.hours(START.plusSeconds(1800), null, START, END)).isEqualTo(23.5);
    }

    @Test
    void serversOutsideThePeriodCountNothing() {
        assertThat(TenantUsages.hours(START.minusSeconds(7200), START.minusSeconds(3600), START, END)).isZero();
        assertThat(TenantUsages.hours(END.plusSeconds(1), null, START, END)).isZero();
    }
}
