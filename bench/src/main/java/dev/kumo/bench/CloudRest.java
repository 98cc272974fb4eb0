package dev.kumo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** JSON requests to kumo's APIs with one token, failing with the server's answer on an unexpected status. */
final class CloudRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;
    private final String token;

    CloudRest(URI base, String token) {
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** Sends and returns the parsed body (null when empty); {@code expected} is the status it must answer. */
    JsonNode call(String method, String path, String body, int expected) throws IOException, InterruptedException {
        var response = send(method, path, body);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered HTTP " + response.statusCode()
                    + " (expected " + expected + "): " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("X-Auth-Token", token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** PUT of raw bytes (an image's data). */
    void upload(String path, byte[] data) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("X-Auth-Token", token)
                .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("PUT " + path + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
