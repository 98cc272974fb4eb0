package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void smallValuesAreExact() {
        var l = new Latencies();
        for (long v = 1; v <= 100; v++) {
            l.record(v);
        }
        assertThat(l.percentileMicros(0.50)).isEqualTo(50);
        assertThat(l.percentileMicros(0.99)).isEqualTo(99);
        assertThat(l.count()).isEqualTo(100);
    }

    @Test
    void largeValuesAreWithinTwoPercent() {
        var l = new Latencies();
        for (long v = 1; v <= 100_000; v++) {
            l.record(v * 10);
        }
        assertThat((double) l.percentileMicros(0.50)).isCloseTo(500_000, within(500_000 * 0.02));
        assertThat((double) l.percentileMicros(0.99)).isCloseTo(990_000, within(990_000 * 0.02));
        assertThat(l.percentileMicros(1.0)).isEqualTo(1_000_000);
    }

    @Test
    void bucketsRoundTripAndMergeAddsCounts() {
        for (long v : new long[] {127, 128, 129, 1000, 123_456, 10_000_000}) {
            long mid = Latencies.midpoint(Latencies.index(v));
            assertThat(Latencies.index(mid)).isEqualTo(Latencies.index(v));
            assertThat((double) mid).isCloseTo(v, within(v * 0.016));
        }
        var a = new Latencies();
        var b = new Latencies();
        a.record(10);
        b.record(20);
        b.record(30);
        a.addAll(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.percentileMicros(0.5)).isEqualTo(20);
        assertThat(a.maxMicros()).isEqualTo(30);
    }
}
