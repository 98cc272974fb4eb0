package dev.kumo.driver.fake.network;

import dev.kumo.spi.network.NetworkDriverException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** Latency added to every change, and failures queued per operation: what tests use to exercise the service. */
final class FaultInjection {
    private record Failure(int remaining, String cause) {}

    private final Map<FakeOperation, Failure> failures = new EnumMap<>(FakeOperation.class);
    private volatile Duration latency = Duration.ZERO;

    void latency(Duration value) {
        this.latency = Objects.requireNonNull(value, "value");
    }

    synchronized void fail(FakeOperation operation, int times, String cause) {
        if (times <= 0) {
            failures.remove(operation);
        } else {
            failures.put(operation, new Failure(times, Objects.requireNonNull(cause, "cause")));
        }
    }

    synchronized void clear() {
        failures.clear();
        latency = Duration.ZERO;
    }

    /** Waits the injected latency, then throws if a failure is queued for {@code operation}. */
    void before(FakeOperation operation, String objectId) {
        sleep(latency);
        String cause = takeFailure(operation);
        if (cause != null) {
            throw new NetworkDriverException("Failed to " + operation.action() + " " + objectId + ": " + cause);
        }
    }

    private synchronized String takeFailure(FakeOperation operation) {
        Failure failure = failures.get(operation);
        if (failure == null) {
            return null;
        }
        if (failure.remaining() == 1) {
            failures.remove(operation);
        } else {
            failures.put(operation, new Failure(failure.remaining() - 1, failure.cause()));
        }
        return failure.cause();
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetworkDriverException("Failed to wait for the injected latency: interrupted", e);
        }
    }
}
