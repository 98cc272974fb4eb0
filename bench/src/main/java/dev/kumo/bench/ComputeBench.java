package dev.kumo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The compute service on the fake driver (the issue's benchmark): 100 concurrent {@code POST /servers} timed
 * to ACTIVE (target: all ACTIVE, p99 < 1 s), then 1,000 servers and {@code GET /servers/detail} as
 * {@code openstack server list --long} calls it (target: p99 < 300 ms over at least 30 calls), one timing of
 * that CLI command itself, and kumo's RSS. Admin raises its project's quotas first. Run with
 * {@code bench/run --compute}.
 */
public final class ComputeBench {
    private static final int CONCURRENT = 100;
    private static final int TOTAL = 1000;
    private static final int LIST_CALLS = 40;
    /** Eight fake hosts hold 1,024 one-vCPU servers under the cpu allocation ratio of 16. */
    private static final Map<String, String> HOSTS = Map.of("KUMO_EMULATED_HOSTS", "8");

    private final BenchOptions options;
    private final Workspace workspace;

    private ComputeBench(BenchOptions options, Workspace workspace) {
        this.options = Objects.requireNonNull(options, "options");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    public static void main(String[] args) {
        int status = 0;
        try (Workspace workspace = Workspace.create()) {
            new ComputeBench(BenchOptions.parse(args), workspace).run();
        } catch (Exception e) {
            System.err.println("kumo-bench: the compute run failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws Exception {
        System.out.printf("kumo compute benchmark (fake driver)   %s%n%s%n", java.time.Instant.now(),
                Machine.describe(options.javaHome()));
        ServerProcess server = new ServerLauncher(options, workspace, HOSTS).start().server();
        Credentials credentials = Credentials.read(workspace.stateDir());
        var identity = new IdentityRequests(server.baseUri());
        var http = java.net.http.HttpClient.newHttpClient();
        String token = identity.token(http, identity.issueByPassword("admin", credentials.adminPassword(), "admin"));
        var rest = new CloudRest(server.baseUri(), token);
        var fleet = ComputeFleet.prepare(rest);
        // a long-running server has its code compiled; a fresh one runs it interpreted: one burst not counted
        var warmUp = fleet.concurrentCreates(CONCURRENT);
        System.out.printf("warm-up burst (not counted): p50 %d ms, p99 %d ms%n", warmUp.p50Ms(), warmUp.p99Ms());
        fleet.awaitActive(CONCURRENT);

        var creates = fleet.concurrentCreates(CONCURRENT);
        System.out.printf("%d concurrent POST /servers -> ACTIVE: %d ACTIVE, %d not; create->ACTIVE p50 %d ms, p99 %d ms,"
                        + " max %d ms (target: all ACTIVE, p99 < 1000 ms)%n", CONCURRENT, creates.active(),
                CONCURRENT - creates.active(), creates.p50Ms(), creates.p99Ms(), creates.maxMs());
        System.out.println("  where it went (from the servers' instance actions): " + fleet.breakdown());
        fleet.fillTo(TOTAL);
        Latencies list = fleet.listDetail(LIST_CALLS);
        System.out.printf("GET /servers/detail with %d servers (%d calls, %d KiB each): p50 %d ms, p99 %d ms, max %d ms"
                        + " (target p99 < 300 ms)%n", fleet.count(), list.count(), fleet.lastListBytes() / 1024,
                list.percentileMicros(0.5) / 1000, list.percentileMicros(0.99) / 1000, list.maxMicros() / 1000);
        cli(server, credentials);
        System.out.printf("kumo RSS with %d servers: %.0f MiB%n", fleet.count(), server.residentKilobytes() / 1024.0);
        server.stop();
    }

    /** One timing of the real CLI (Python start-up included), as a user would see it. */
    private static void cli(ServerProcess server, Credentials credentials) throws IOException, InterruptedException {
        var builder = new ProcessBuilder("openstack", "server", "list", "--long", "-f", "value", "-c", "ID")
                .redirectErrorStream(true);
        var env = builder.environment();
        env.put("OS_AUTH_URL", server.baseUri() + "/identity/v3");
        env.put("OS_USERNAME", "admin");
        env.put("OS_PASSWORD", credentials.adminPassword());
        env.put("OS_PROJECT_NAME", "admin");
        env.put("OS_USER_DOMAIN_NAME", "Default");
        env.put("OS_PROJECT_DOMAIN_NAME", "Default");
        env.put("OS_IDENTITY_API_VERSION", "3");
        long start = System.nanoTime();
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            System.out.println("openstack server list --long: the openstack CLI is not installed (" + e.getMessage() + ")");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long rows = out.lines().filter(l -> l.matches("[0-9a-f-]{36}")).count();
        System.out.printf("openstack server list --long: %d ms for %d rows (exit %d; includes the CLI's start and"
                + " token request)%n", ms, rows, exit);
        if (exit != 0) {
            System.out.println(out.lines().limit(5).toList());
        }
    }

    /** Runs the tasks on virtual threads at once and returns their results in order. */
    static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> futures = new ArrayList<>();
            tasks.forEach(t -> futures.add(pool.submit(t)));
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    static String text(JsonNode node, String pointer) {
        return node.at(pointer).asText();
    }
}
