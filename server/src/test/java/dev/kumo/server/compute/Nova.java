package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Compute API calls for tests, plus the image and network a server needs. */
final class Nova {
    private final TestCloud cloud;

    Nova(TestCloud cloud) {
        this.cloud = cloud;
    }

    String url(String path) {
        return cloud.baseUrl() + "/compute/v2.1" + path;
    }

    TestCloud.Response get(String path, String token, String... headers) {
        return cloud.send("GET", url(path), token, null, headers);
    }

    TestCloud.Response post(String path, String token, String body, String... headers) {
        return cloud.send("POST", url(path), token, body, headers);
    }

    TestCloud.Response put(String path, String token, String body) {
        return cloud.send("PUT", url(path), token, body);
    }

    TestCloud.Response delete(String path, String token) {
        return cloud.send("DELETE", url(path), token, null);
    }

    /** The fault body's inner object, after checking the status and Nova's key. */
    static JsonNode fault(TestCloud.Response r, int status, String key) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().has(key)).as(r.body()).isTrue();
        assertThat(r.json().get(key).get("code").asInt()).isEqualTo(status);
        return r.json().get(key);
    }

    /** An active raw image of {@code bytes} bytes with the given minimums, owned by the token's project. */
    String image(String token, String name, int minRam, int minDisk, int bytes) throws Exception {
        var created = cloud.send("POST", cloud.baseUrl() + "/image/v2/images", token, "{\"name\": \"" + name
                + "\", \"disk_format\": \"raw\", \"container_format\": \"bare\", \"min_ram\": " + minRam
                + ", \"min_disk\": " + minDisk + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        var upload = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/image/v2/images/" + id + "/file"))
                .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build();
        var response = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        return id;
    }

    String network(String token, String name, String cidr) {
        var n = cloud.send("POST", cloud.baseUrl() + "/network/v2.0/networks", token,
                "{\"network\": {\"name\": \"" + name + "\"}}");
        assertThat(n.status()).as(n.body()).isEqualTo(201);
        String id = n.json().at("/network/id").asText();
        var s = cloud.send("POST", cloud.baseUrl() + "/network/v2.0/subnets", token, "{\"subnet\": {\"network_id\": \""
                + id + "\", \"ip_version\": 4, \"cidr\": \"" + cidr + "\"}}");
        assertThat(s.status()).as(s.body()).isEqualTo(201);
        return id;
    }

    /** Creates a server and returns its id (202 expected). */
    String boot(String token, String body) {
        var r = post("/servers", token, "{\"server\": {" + body + "}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().at("/server/id").asText();
    }

    /** Waits (bounded) until the server shows {@code status}, and returns it. */
    JsonNode await(String token, String id, String status) throws InterruptedException {
        return await(token, id, status, Duration.ofSeconds(10));
    }

    /** As {@link #await(String, String, String)} with a bound of one's own (real guests under TCG are slower). */
    JsonNode await(String token, String id, String status, Duration bound) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        JsonNode server = null;
        while (Instant.now().isBefore(deadline)) {
            var r = get("/servers/" + id, token);
            server = r.json().get("server");
            if (server != null && server.get("status").asText().equals(status)
                    && server.get("OS-EXT-STS:task_state").isNull()) {
                return server;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " did not reach " + status + " in " + bound.toSeconds()
                + " s; last seen: " + server);
    }

    void awaitGone(String token, String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (get("/servers/" + id, token).status() == 404) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " was not deleted in 10 s");
    }
}
