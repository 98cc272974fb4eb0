package dev.kumo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;

/**
 * The compute bench's servers: what they boot from (a 1 MiB raw image, a one-vCPU 64 MiB flavor, a /20
 * network) in the admin project with its compute and port quotas lifted, and the timed operations on them.
 */
final class ComputeFleet {
    private static final long POLL_MS = 100;
    private static final long ACTIVE_TIMEOUT_MS = 120_000;

    private final CloudRest rest;
    private final String image;
    private final String network;
    private int lastListBytes;
    private final List<String> burst = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Long> postMs = java.util.Collections.synchronizedList(new ArrayList<>());

    private ComputeFleet(CloudRest rest, String image, String network) {
        this.rest = rest;
        this.image = image;
        this.network = network;
    }

    /** create→ACTIVE figures of one burst. */
    record Burst(int active, long p50Ms, long p99Ms, long maxMs) {}

    static ComputeFleet prepare(CloudRest rest) throws IOException, InterruptedException {
        String project = ComputeBench.text(rest.call("GET", "/identity/v3/projects?name=admin", null, 200), "/projects/0/id");
        rest.call("PUT", "/compute/v2.1/os-quota-sets/" + project,
                "{\"quota_set\": {\"instances\": -1, \"cores\": -1, \"ram\": -1}}", 200);
        rest.call("PUT", "/network/v2.0/quotas/" + project, "{\"quota\": {\"port\": -1}}", 200);
        rest.call("POST", "/compute/v2.1/flavors", "{\"flavor\": {\"name\": \"bench.nano\", \"id\": \"bench\", "
                + "\"vcpus\": 1, \"ram\": 64, \"disk\": 1}}", 200);
        String image = ComputeBench.text(rest.call("POST", "/image/v2/images", "{\"name\": \"bench-image\", "
                + "\"disk_format\": \"raw\", \"container_format\": \"bare\"}", 201), "/id");
        rest.upload("/image/v2/images/" + image + "/file", new byte[1 << 20]);
        String network = ComputeBench.text(rest.call("POST", "/network/v2.0/networks",
                "{\"network\": {\"name\": \"bench\"}}", 201), "/network/id");
        rest.call("POST", "/network/v2.0/subnets", "{\"subnet\": {\"network_id\": \"" + network
                + "\", \"ip_version\": 4, \"cidr\": \"10.96.0.0/20\"}}", 201);
        return new ComputeFleet(rest, image, network);
    }

    /** One POST /servers for {@code count} servers (max_count); returns the first one's id. */
    List<String> create(int count) throws IOException, InterruptedException {
        String body = "{\"server\": {\"name\": \"bench\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"bench\", "
                + "\"networks\": [{\"uuid\": \"" + network + "\"}], \"min_count\": " + count + ", \"max_count\": " + count + "}}";
        return List.of(ComputeBench.text(rest.call("POST", "/compute/v2.1/servers", body, 202), "/server/id"));
    }

    /**
     * {@code n} clients each POST one server at once; one poller lists the ACTIVE servers every 100 ms and notes
     * when each first appears (one client per server polling its own would be most of the load on a 2-core
     * machine and measure the load generator; {@code openstack server create --wait} polls every 5 s). The
     * figures are late by up to the poll interval; {@link #breakdown} has the server's own, to the millisecond.
     */
    Burst concurrentCreates(int n) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Callable<String>> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clients.add(() -> {
                long start = System.nanoTime();
                String id = create(1).getFirst();
                postMs.add((System.nanoTime() - start) / 1_000_000);
                sent.put(id, start);
                return id;
            });
        }
        burst.clear();
        postMs.clear();
        Thread posting = Thread.ofVirtual().start(() -> {
            try {
                burst.addAll(ComputeBench.all(clients));
            } catch (Exception e) {
                throw new IllegalStateException("a create failed: " + e.getMessage(), e);
            }
        });
        Map<String, Long> activeAt = pollActive(sent, n);
        posting.join();
        List<Long> ms = activeAt.entrySet().stream().map(e -> (e.getValue() - sent.get(e.getKey())) / 1_000_000)
                .sorted().toList();
        if (ms.isEmpty()) {
            return new Burst(0, -1, -1, -1);
        }
        return new Burst(ms.size(), ms.get((ms.size() - 1) / 2), ms.get((int) Math.ceil(0.99 * ms.size()) - 1), ms.getLast());
    }

    /** When each of the sent servers was first listed ACTIVE (nanoTime), until all {@code n} are or a timeout. */
    private Map<String, Long> pollActive(Map<String, Long> sent, int n) throws IOException, InterruptedException {
        Map<String, Long> activeAt = new HashMap<>();
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT_MS * 1_000_000;
        while (activeAt.size() < n && System.nanoTime() < deadline) {
            JsonNode active = rest.call("GET", "/compute/v2.1/servers?status=ACTIVE", null, 200).get("servers");
            long now = System.nanoTime();
            for (JsonNode s : active) {
                String id = s.get("id").asText();
                if (sent.containsKey(id)) {
                    activeAt.putIfAbsent(id, now);
                }
            }
            Thread.sleep(POLL_MS);
        }
        return activeAt;
    }

    /**
     * Where the burst's create→ACTIVE time went, from the servers' own instance actions: from the create action's
     * start to the end of its build event, and (p50 over the burst) the POST, the wait before scheduling began,
     * scheduling, the wait between, network + spawn.
     */
    String breakdown() throws IOException, InterruptedException {
        List<long[]> parts = new ArrayList<>();
        for (String id : burst) {
            String request = ComputeBench.text(rest.call("GET", "/compute/v2.1/servers/" + id + "/os-instance-actions",
                    null, 200), "/instanceActions/0/request_id");
            JsonNode a = rest.call("GET", "/compute/v2.1/servers/" + id + "/os-instance-actions/" + request, null, 200)
                    .get("instanceAction");
            JsonNode build = a.at("/events/0");
            JsonNode schedule = a.at("/events/1");
            long start = millis(a.get("start_time"));
            parts.add(new long[] {millis(build.get("finish_time")) - start, millis(schedule.get("start_time")) - start,
                    millis(schedule.get("finish_time")) - millis(schedule.get("start_time")),
                    millis(build.get("start_time")) - millis(schedule.get("finish_time")),
                    millis(build.get("finish_time")) - millis(build.get("start_time"))});
        }
        var total = parts.stream().map(r -> r[0]).sorted().toList();
        return String.format("in kumo, create accepted -> ACTIVE: p50 %d ms, p99 %d ms; POST answered p50 %d ms;"
                + " (p50) %d ms to scheduling, scheduling %d ms, %d ms to the build, network + spawn %d ms",
                median(total), total.get((int) Math.ceil(0.99 * total.size()) - 1), median(postMs), median(parts, 1),
                median(parts, 2), median(parts, 3), median(parts, 4));
    }

    private static long millis(JsonNode time) {
        return java.time.LocalDateTime.parse(time.asText()).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    private static long median(List<Long> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? -1 : sorted.get((sorted.size() - 1) / 2);
    }

    private static long median(List<long[]> rows, int column) {
        return median(rows.stream().map(r -> r[column]).toList());
    }

    /** Creates servers 100 per request until there are {@code total}, and waits for all to be ACTIVE. */
    void fillTo(int total) throws IOException, InterruptedException {
        for (int have = count(); have < total; have = count()) {
            create(Math.min(100, total - have));
        }
        awaitActive(total);
    }

    void awaitActive(int total) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + ACTIVE_TIMEOUT_MS * 1_000_000;
        while (System.nanoTime() < deadline) {
            int active = rest.call("GET", "/compute/v2.1/servers?status=ACTIVE", null, 200).get("servers").size();
            if (active >= total) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("fewer than " + total + " servers ACTIVE after " + ACTIVE_TIMEOUT_MS / 1000 + " s");
    }

    int count() throws IOException, InterruptedException {
        return rest.call("GET", "/compute/v2.1/servers", null, 200).get("servers").size();
    }

    /** {@code calls} sequential GET /servers/detail after five not counted. */
    Latencies listDetail(int calls) throws IOException, InterruptedException {
        var latencies = new Latencies();
        for (int i = -5; i < calls; i++) {
            long start = System.nanoTime();
            var response = rest.send("GET", "/compute/v2.1/servers/detail", null);
            long micros = (System.nanoTime() - start) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /servers/detail answered " + response.statusCode() + ": " + response.body());
            }
            lastListBytes = response.body().length();
            if (i >= 0) {
                latencies.record(micros);
            }
        }
        return latencies;
    }

    int lastListBytes() {
        return lastListBytes;
    }
}
