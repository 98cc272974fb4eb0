package dev.kumo.bench;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What one load run measured: successful requests in the measured window, their latencies, and any errors. */
record LoadResult(String name, int concurrency, int expectedStatus, Duration measured, Latencies latencies, long errors, List<String> errorSamples) {
    LoadResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(measured, "measured");
        Objects.requireNonNull(latencies, "latencies");
        errorSamples = List.copyOf(errorSamples);
    }

    long succeeded() {
        return latencies.count();
    }

    double perSecond() {
        return succeeded() / (measured.toNanos() / 1e9);
    }

    double p50Millis() {
        return latencies.percentileMicros(0.50) / 1000.0;
    }

    double p99Millis() {
        return latencies.percentileMicros(0.99) / 1000.0;
    }
}
