package dev.kumo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.http.Json;
import dev.kumo.server.config.ConfigFile;
import dev.kumo.server.config.KumoConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

/** A real kumo on a free port with its own temporary state directory: one line to boot in a test. */
public final class TestCloud implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-secret";
    public static final String DEMO_PASSWORD = "demo-secret";

    private final Path stateDir;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private CloudServer server;

    private TestCloud(Path stateDir, int port) {
        this.stateDir = stateDir;
        this.port = port;
    }

    public static TestCloud start() {
        return start(Map.of(), null);
    }

    /** A cloud whose answer file also holds {@code settings} (they win over the test defaults). */
    public static TestCloud start(Map<String, String> settings) {
        return start(settings, null);
    }

    /**
     * A cloud on the real drivers (QEMU guests, the Linux data path on a bridge mapping of the test's own) whose
     * built-in image is {@code guestImage}; for tests tagged "dataplane" (root).
     */
    public static TestCloud startReal(Path guestImage) {
        String bridge = "brtc" + java.util.HexFormat.of().toHexDigits(
                java.util.concurrent.ThreadLocalRandom.current().nextInt()).substring(0, 6);
        return start(Map.of("drivers.emulated", "false", "network.bridge_mappings", "physnet1:" + bridge), guestImage);
    }

    private static TestCloud start(Map<String, String> settings, Path guestImage) {
        try {
            Path dir = Files.createTempDirectory("kumo-test");
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (guestImage != null) {
                Path cache = Files.createDirectories(dir.resolve("cache").resolve("guest"));
                Files.copy(guestImage, cache.resolve(guestImage.getFileName()));
            }
            // a low bcrypt cost keeps the tests fast (the benchmark measures the real one); emulated drivers keep API
            // tests off the host's kernel (the dataplane tests use the real drivers)
            var file = new java.util.HashMap<>(Map.of("api.port", Integer.toString(port),
                    "identity.admin_password", ADMIN_PASSWORD, "identity.demo_password", DEMO_PASSWORD,
                    "identity.bcrypt_cost", "4", "drivers.emulated", "true", "network.demo_networks", "false"));
            file.putAll(settings);
            ConfigFile.writeNew(dir.resolve(ConfigFile.NAME), file);
            var cloud = new TestCloud(dir, port);
            cloud.boot();
            return cloud;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void boot() throws IOException {
        StateDir state = new StateDir(stateDir);
        KumoConfig config = state.load(Map.of());
        state.writeCredentials(config);
        server = CloudServer.start(config);
    }

    /** Stops and starts the server on the same state directory and port. */
    public void restart() {
        server.close();
        try {
            boot();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path stateDir() {
        return stateDir;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String v3() {
        return baseUrl() + "/identity/v3";
    }

    public String token(String user, String password, String project) {
        return issue(user, password, project).headers().firstValue("X-Subject-Token").orElseThrow();
    }

    public String adminToken() {
        return token("admin", ADMIN_PASSWORD, "admin");
    }

    public String demoToken() {
        return token("demo", DEMO_PASSWORD, "demo");
    }

    /**
     * A token for a new user with the member role on a new project {@code name}, for tests about what one
     * project may see of another's.
     */
    public String memberOfNewProject(String adminToken, String name) {
        Response project = post("/projects", adminToken, "{\"project\": {\"name\": \"" + name + "\"}}");
        requireStatus(project, 201);
        String projectId = project.json().at("/project/id").asText();
        Response user = post("/users", adminToken, "{\"user\": {\"name\": \"" + name + "-user\", \"password\": \"pw-"
                + name + "\", \"default_project_id\": \"" + projectId + "\"}}");
        requireStatus(user, 201);
        String userId = user.json().at("/user/id").asText();
        String member = get("/roles?name=member", adminToken).json().at("/roles/0/id").asText();
        requireStatus(send("PUT", "/projects/" + projectId + "/users/" + userId + "/roles/" + member, adminToken, null), 204);
        return token(name + "-user", "pw-" + name, name);
    }

    private static void requireStatus(Response response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + response);
        }
    }

    public Response issue(String user, String password, String project) {
        ObjectNode body = passwordAuth(user, password);
        if (project != null) {
            body.with("auth").putObject("scope").putObject("project").put("name", project)
                    .putObject("domain").put("id", "default");
        }
        return send("POST", "/auth/tokens", null, body.toString());
    }

    public static ObjectNode passwordAuth(String user, String password) {
        var body = Json.object();
        var identity = body.putObject("auth").putObject("identity");
        identity.putArray("methods").add("password");
        identity.putObject("password").putObject("user").put("name", user).put("password", password)
                .putObject("domain").put("id", "default");
        return body;
    }

    /** A request to {@code /identity/v3<path>} (or an absolute URL) with an optional token and body. */
    public Response send(String method, String path, String token, String body, String... headers) {
        String url = path.startsWith("http") ? path : v3() + path;
        var builder = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("X-Auth-Token", token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return new Response(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, String body) {
        return send("POST", path, token, body);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        try {
            // a cloud on the real drivers leaves guests, namespaces, links and rules on the host: remove them
            KumoConfig config = new StateDir(stateDir).load(Map.of());
            if (!config.emulated()) {
                var report = HostPurge.run(config);
                report.failed().forEach(f -> System.err.println("TestCloud: could not remove " + f));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("TestCloud: purge of " + stateDir + " failed: " + e.getMessage());
        }
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP response with its body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + raw.statusCode() + "): " + raw.body(), e);
            }
        }

        public java.net.http.HttpHeaders headers() {
            return raw.headers();
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
