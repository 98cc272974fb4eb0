package dev.kumo.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** The Keystone v3 requests the benchmark sends, and the two tokens it needs before the load starts. */
final class IdentityRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI tokens;

    IdentityRequests(URI baseUri) {
        this.tokens = Objects.requireNonNull(baseUri, "baseUri").resolve("/identity/v3/auth/tokens");
    }

    /** GET /auth/tokens: the admin validates someone else's token (what every OpenStack service does per request). */
    HttpRequest validate(String adminToken, String subjectToken) {
        return HttpRequest.newBuilder(tokens).timeout(TIMEOUT).header("X-Auth-Token", adminToken)
                .header("X-Subject-Token", subjectToken).GET().build();
    }

    /** POST /auth/tokens, method token: a new project-scoped token from an existing one (no bcrypt). */
    HttpRequest issueByToken(String token) {
        ObjectNode auth = JSON.createObjectNode();
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("token");
        identity.putObject("token").put("id", token);
        scopeToProject(auth, "admin");
        return post(auth);
    }

    /** POST /auth/tokens, method password: bound by one bcrypt verification. */
    HttpRequest issueByPassword(String user, String password, String project) {
        ObjectNode auth = JSON.createObjectNode();
        ObjectNode identity = auth.putObject("identity");
        identity.putArray("methods").add("password");
        ObjectNode userNode = identity.putObject("password").putObject("user");
        userNode.put("name", user).put("password", password).putObject("domain").put("id", "default");
        scopeToProject(auth, project);
        return post(auth);
    }

    /** Issues a token and returns its id (X-Subject-Token); fails with the server's answer otherwise. */
    String token(HttpClient client, HttpRequest issue) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(issue, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("token issue answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("X-Subject-Token")
                .orElseThrow(() -> new IllegalStateException("token issue answered 201 without an X-Subject-Token header"));
    }

    private static void scopeToProject(ObjectNode auth, String project) {
        auth.putObject("scope").putObject("project").put("name", project).putObject("domain").put("id", "default");
    }

    private HttpRequest post(ObjectNode auth) {
        ObjectNode body = JSON.createObjectNode();
        body.set("auth", auth);
        return HttpRequest.newBuilder(tokens).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }
}
