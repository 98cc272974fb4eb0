package dev.kumo.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;

/** Glance calls for the image API tests: JSON through {@link TestCloud}, image bytes with a binary client. */
final class ImageClient {
    private final TestCloud cloud;
    private final HttpClient http = HttpClient.newHttpClient();

    ImageClient(TestCloud cloud) {
        this.cloud = cloud;
    }

    String url(String path) {
        return cloud.baseUrl() + "/image" + path;
    }

    TestCloud.Response get(String path, String token) {
        return cloud.send("GET", url(path), token, null);
    }

    TestCloud.Response send(String method, String path, String token, String body, String... headers) {
        return cloud.send(method, url(path), token, body, headers);
    }

    TestCloud.Response patch(String id, String token, String ops) {
        return withType("PATCH", "/v2/images/" + id, token, ops, "application/openstack-images-v2.1-json-patch");
    }

    /** A request whose body has {@code contentType} (TestCloud's always says application/json). */
    TestCloud.Response withType(String method, String path, String token, String body, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType)
                .header("X-Auth-Token", token).build();
        return new TestCloud.Response(send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** Creates an image and returns its JSON, failing the test unless it is 201. */
    JsonNode create(String token, String body) {
        var r = send("POST", "/v2/images", token, body);
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r);
        }
        return r.json();
    }

    String createId(String token, String body) {
        return create(token, body).get("id").asText();
    }

    HttpResponse<String> upload(String id, String token, byte[] data) {
        return put("/v2/images/" + id + "/file", token, HttpRequest.BodyPublishers.ofByteArray(data));
    }

    HttpResponse<String> stage(String id, String token, byte[] data) {
        return put("/v2/images/" + id + "/stage", token, HttpRequest.BodyPublishers.ofByteArray(data));
    }

    /** Streams {@code stream}'s bytes without knowing their length in advance (chunked). */
    HttpResponse<String> uploadStream(String id, String token, Supplier<InputStream> stream) {
        return put("/v2/images/" + id + "/file", token, HttpRequest.BodyPublishers.ofInputStream(stream));
    }

    private HttpResponse<String> put(String path, String token, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(URI.create(url(path))).PUT(body)
                .header("Content-Type", "application/octet-stream").header("X-Auth-Token", token).build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String id, String token, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(url("/v2/images/" + id + "/file"))).GET()
                .header("X-Auth-Token", token);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String status(String id, String token) {
        return get("/v2/images/" + id, token).json().get("status").asText();
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }
}
