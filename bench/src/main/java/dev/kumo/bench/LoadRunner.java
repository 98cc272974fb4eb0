package dev.kumo.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Closed-loop load: N platform threads, each with its own HTTP/1.1 client (so one keep-alive connection
 * per thread), sending the same request back to back for a warm-up period and then a measured one.
 * Only requests that both start and finish inside the measured window count.
 */
final class LoadRunner {
    private static final int ERROR_SAMPLES = 3;

    private final Duration warmUp;
    private final Duration measured;

    LoadRunner(Duration warmUp, Duration measured) {
        this.warmUp = Objects.requireNonNull(warmUp, "warmUp");
        this.measured = Objects.requireNonNull(measured, "measured");
    }

    LoadResult run(String name, int concurrency, HttpRequest request, int expectedStatus) throws InterruptedException {
        long measureFrom = System.nanoTime() + warmUp.toNanos();
        var window = new Window(measureFrom, measureFrom + measured.toNanos());
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            var worker = new Worker(request, expectedStatus, window);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("load-" + i).start(worker));
        }
        for (Thread t : threads) {
            t.join();
        }
        var latencies = new Latencies();
        long errors = 0;
        Set<String> samples = new LinkedHashSet<>();
        for (Worker w : workers) {
            latencies.addAll(w.latencies);
            errors += w.errors;
            w.samples.stream().limit(ERROR_SAMPLES - samples.size()).forEach(samples::add);
        }
        return new LoadResult(name, concurrency, expectedStatus, measured, latencies, errors, List.copyOf(samples));
    }

    private record Window(long fromNanos, long untilNanos) {
        boolean contains(long startNanos, long endNanos) {
            return startNanos >= fromNanos && endNanos <= untilNanos;
        }
    }

    /** One thread's loop; its fields are read only after the thread has been joined. */
    private static final class Worker implements Runnable {
        private final HttpRequest request;
        private final int expectedStatus;
        private final Window window;
        final Latencies latencies = new Latencies();
        final Set<String> samples = new LinkedHashSet<>();
        long errors;

        Worker(HttpRequest request, int expectedStatus, Window window) {
            this.request = request;
            this.expectedStatus = expectedStatus;
            this.window = window;
        }

        @Override
        public void run() {
            try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build()) {
                while (System.nanoTime() < window.untilNanos() && !Thread.currentThread().isInterrupted()) {
                    long start = System.nanoTime();
                    String failure = send(client);
                    long end = System.nanoTime();
                    if (failure != null) {
                        errors++; // counted in warm-up too: an error is an error
                        if (samples.size() < ERROR_SAMPLES) {
                            samples.add(failure);
                        }
                    } else if (window.contains(start, end)) {
                        latencies.record((end - start) / 1000);
                    }
                }
            }
        }

        /** Null on the expected status, else what went wrong. */
        private String send(HttpClient client) {
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == expectedStatus) {
                    return null;
                }
                String body = new String(response.body(), StandardCharsets.UTF_8).strip();
                return "HTTP " + response.statusCode() + ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
            } catch (IOException e) {
                return e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }
}
