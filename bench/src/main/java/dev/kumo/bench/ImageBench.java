package dev.kumo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The image service's data path: upload and download of a 1 GiB image against {@code cp} of the same file
 * on the same disk (target: at least half of cp's throughput), with the server's peak RSS during each
 * transfer. Run with {@code bench/run --image}.
 */
public final class ImageBench {
    private static final long SIZE = 1L << 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchOptions options;
    private final Workspace workspace;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ImageBench(BenchOptions options, Workspace workspace) {
        this.options = Objects.requireNonNull(options, "options");
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    public static void main(String[] args) {
        int status = 0;
        try (Workspace workspace = Workspace.create()) {
            new ImageBench(BenchOptions.parse(args), workspace).run();
        } catch (Exception e) {
            System.err.println("kumo-bench: the image run failed: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private void run() throws IOException, InterruptedException {
        System.out.printf("kumo image benchmark   %s%n%s%n", java.time.Instant.now(), Machine.describe(options.javaHome()));
        ServerProcess server = new ServerLauncher(options, workspace).start().server();
        Credentials credentials = Credentials.read(workspace.stateDir());
        var requests = new IdentityRequests(server.baseUri());
        String token = requests.token(http, requests.issueByPassword("admin", credentials.adminPassword(), "admin"));
        Path source = randomFile(workspace.stateDir().resolve("bench-source.img"));
        double cp = copySeconds(source, workspace.stateDir().resolve("bench-copy.img"));
        warmUp(server, token);
        String id = createImage(server, token);
        var upload = measure(server, () -> upload(server, token, id, source));
        var download = measure(server, () -> download(server, token, id));
        print("cp + fsync", cp, -1);
        print("upload (PUT /file: md5, sha512, qemu-img, fsync)", upload.seconds(), upload.peakRssKib());
        print("download (GET /file)", download.seconds(), download.peakRssKib());
        System.out.printf("upload / cp throughput: %.0f%% (target >= 50%%)%n", 100 * cp / upload.seconds());
        System.out.printf("download / cp throughput: %.0f%%%n", 100 * cp / download.seconds());
        server.stop();
    }

    /**
     * A long-running server has its digest and I/O code compiled; a fresh one runs it interpreted for seconds.
     * Three 128 MiB round trips first, not counted, so the figures are those of a warm server.
     */
    private void warmUp(ServerProcess server, String token) throws IOException, InterruptedException {
        Path small = workspace.stateDir().resolve("bench-warm-up.img");
        try (var in = Files.newInputStream(workspace.stateDir().resolve("bench-source.img"))) {
            Files.write(small, in.readNBytes(128 << 20));
        }
        for (int i = 0; i < 3; i++) {
            String id = createImage(server, token);
            upload(server, token, id, small);
            download(server, token, id);
        }
        Files.delete(small);
    }

    private interface Transfer {
        void run() throws IOException, InterruptedException;
    }

    private record Measured(double seconds, long peakRssKib) {}

    /** Runs the transfer while a sampler records the server's largest RSS every 50 ms. */
    private static Measured measure(ServerProcess server, Transfer transfer) throws IOException, InterruptedException {
        var peak = new AtomicLong(server.residentKilobytes());
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    peak.accumulateAndGet(server.residentKilobytes(), Math::max);
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        transfer.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Measured(seconds, peak.get());
    }

    private static void print(String what, double seconds, long rssKib) {
        System.out.printf("%-52s %6.2f s  %7.1f MiB/s%s%n", what, seconds, SIZE / seconds / (1 << 20),
                rssKib < 0 ? "" : String.format("  server peak RSS %.0f MiB", rssKib / 1024.0));
    }

    private static Path randomFile(Path file) throws IOException {
        var random = new Random(1);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                random.nextBytes(block);
                out.write(block);
            }
        }
        return file;
    }

    /** What the issue compares against: copying the same bytes on the same disk, synced. */
    private static double copySeconds(Path source, Path target) throws IOException {
        long start = System.nanoTime();
        Files.copy(source, target);
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.delete(target);
        return seconds;
    }

    private String createImage(ServerProcess server, String token) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/image/v2/images"))
                .header("X-Auth-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"bench\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException("image create: HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    private void upload(ServerProcess server, String token, String id, Path source) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/image/v2/images/" + id + "/file"))
                .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(5)).PUT(HttpRequest.BodyPublishers.ofFile(source)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IOException("upload: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private void download(ServerProcess server, String token, String id) throws IOException, InterruptedException {
        var response = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/image/v2/images/" + id + "/file"))
                .header("X-Auth-Token", token).timeout(Duration.ofMinutes(5)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IOException("download: HTTP " + response.statusCode());
        }
    }
}
