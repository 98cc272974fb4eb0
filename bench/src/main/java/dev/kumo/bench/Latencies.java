package dev.kumo.bench;

/**
 * A latency histogram in microseconds with about 1.6 % resolution (log-linear buckets: 64 per power of
 * two), so recording is an array increment and millions of samples cost no memory. Not thread-safe:
 * each load thread keeps its own and they are merged at the end.
 */
final class Latencies {
    private static final int SUB_BITS = 7;
    private static final int LINEAR = 1 << SUB_BITS;        // 0..127 µs are exact
    private static final int HALF = LINEAR / 2;             // buckets per power of two above that
    private static final int BUCKETS = LINEAR + (64 - SUB_BITS) * HALF;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    void record(long micros) {
        long v = Math.max(0, micros);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    void addAll(Latencies other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long maxMicros() {
        return max;
    }

    /** The value at quantile q (0..1), as the midpoint of its bucket; 0 when empty. */
    long percentileMicros(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, midpoint(i));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - (SUB_BITS - 1); // ≥ 1: leaves the top 7 bits
        int mantissa = (int) (v >>> shift);                              // 64..127
        return LINEAR + (shift - 1) * HALF + (mantissa - HALF);
    }

    static long midpoint(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / HALF + 1;
        long mantissa = (index - LINEAR) % HALF + HALF;
        long low = mantissa << shift;
        return low + ((1L << shift) - 1) / 2;
    }
}
