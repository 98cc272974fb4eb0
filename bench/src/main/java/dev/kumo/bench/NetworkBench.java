package dev.kumo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The network service's benchmark from the network issue: 1,000 networks with a subnet each and 10,000 ports
 * (10 per network), then p50/p99 of port create, of {@code GET /v2.0/ports} for all 10,000 and of a list
 * filtered by network, and the server's RSS afterwards. Printed, not asserted (targets: all-ports p99 under
 * 200 ms, filtered p99 under 20 ms).
 *
 * <pre>java -cp bench/target/kumo-bench.jar dev.kumo.bench.NetworkBench --kumo-jar server/target/kumo.jar</pre>
 */
public final class NetworkBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NETWORKS = 1_000;
    private static final int PORTS_PER_NETWORK = 10;
    /** Enough for a p99 that is not just the maximum; after warm-up lists, as a long-running server has its code compiled. */
    private static final int FULL_LISTS = 100;
    private static final int WARM_UP_LISTS = 10;
    private static final int FILTERED_LISTS = 500;

    private final BenchOptions options;
    private final Workspace workspace;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private URI base;
    private String token;

    private NetworkBench(BenchOptions options, Workspace workspace) {
        this.options = Objects.requireNonNull(options, "options");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    public static void main(String[] args) {
        int status = 0;
        try (Workspace workspace = Workspace.create()) {
            new NetworkBench(BenchOptions.parse(args), workspace).run();
        } catch (Exception e) {
            System.err.println("kumo-bench network: the run failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws IOException, InterruptedException {
        ServerProcess server = new ServerLauncher(options, workspace).start().server();
        try {
            base = server.baseUri();
            Credentials credentials = Credentials.read(workspace.stateDir());
            var identity = new IdentityRequests(base);
            HttpResponse<String> auth = client.send(identity.issueByPassword("admin", credentials.adminPassword(), "admin"),
                    HttpResponse.BodyHandlers.ofString());
            token = auth.headers().firstValue("X-Subject-Token").orElseThrow();
            String project = JSON.readTree(auth.body()).at("/token/project/id").asText();
            // Neutron's default quotas (100 networks, 500 ports) are far below the benchmark's sizes
            send("PUT", "/quotas/" + project, "{\"quota\": {\"network\": -1, \"subnet\": -1, \"port\": -1}}", 200);
            long started = System.nanoTime();
            List<String> networks = networksWithSubnets();
            System.out.printf("networks+subnets: %d created in %.1f s%n", networks.size(), (System.nanoTime() - started) / 1e9);
            Latencies creates = new Latencies();
            for (int i = 0; i < PORTS_PER_NETWORK; i++) {
                for (String network : networks) {
                    timed(creates, () -> send("POST", "/ports", "{\"port\": {\"network_id\": \"" + network + "\"}}", 201));
                }
            }
            print("port create", creates);
            Latencies warmUp = new Latencies();
            for (int i = 0; i < WARM_UP_LISTS; i++) {
                timed(warmUp, () -> send("GET", "/ports", null, 200));
            }
            print("GET /v2.0/ports (all), warm-up, not counted", warmUp);
            Latencies all = new Latencies();
            for (int i = 0; i < FULL_LISTS; i++) {
                timed(all, () -> send("GET", "/ports", null, 200));
            }
            JsonNode listed = JSON.readTree(send("GET", "/ports", null, 200));
            System.out.printf("GET /v2.0/ports lists %d ports%n", listed.get("ports").size());
            print("GET /v2.0/ports (all)", all);
            Latencies filtered = new Latencies();
            for (int i = 0; i < FILTERED_LISTS; i++) {
                String network = networks.get(i % networks.size());
                timed(filtered, () -> send("GET", "/ports?network_id=" + network, null, 200));
            }
            print("GET /v2.0/ports?network_id= (10 ports)", filtered);
            System.out.printf("server RSS after the run: %d MiB%n", server.residentKilobytes() / 1024);
        } finally {
            server.stop();
        }
    }

    private List<String> networksWithSubnets() throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < NETWORKS; i++) {
            String id = JSON.readTree(send("POST", "/networks", "{\"network\": {\"name\": \"bench-" + i + "\"}}", 201))
                    .at("/network/id").asText();
            send("POST", "/subnets", "{\"subnet\": {\"network_id\": \"" + id + "\", \"ip_version\": 4, \"cidr\": \"10."
                    + (i / 250) + "." + (i % 250) + ".0/24\"}}", 201);
            ids.add(id);
        }
        return ids;
    }

    private interface Call {
        void run() throws IOException, InterruptedException;
    }

    private static void timed(Latencies into, Call call) throws IOException, InterruptedException {
        long t = System.nanoTime();
        call.run();
        into.record((System.nanoTime() - t) / 1_000);
    }

    private String send(String method, String path, String body, int expected) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve("/network/v2.0" + path)).header("X-Auth-Token", token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void print(String what, Latencies l) {
        System.out.printf("%-40s n=%-6d p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n", what, l.count(),
                l.percentileMicros(0.50) / 1000.0, l.percentileMicros(0.99) / 1000.0, l.maxMicros() / 1000.0);
    }
}
