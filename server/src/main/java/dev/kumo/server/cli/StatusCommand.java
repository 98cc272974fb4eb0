package dev.kumo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.server.StateDir;
import dev.kumo.server.config.KumoConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** kumo's {@code openstack-status}: every component, up or down, and why. Exit 0 up, 3 down. */
@Command(name = "status", description = "Show whether kumo and each of its services, agents and drivers work.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    StateDirOption stateDirOption;

    @Override
    public Integer call() throws Exception {
        StateDir state = stateDirOption.resolve();
        if (!Files.exists(state.configFile())) {
            System.out.println("kumo: not installed in " + state.path() + " (run: ./kumo up)");
            return 3;
        }
        KumoConfig config = state.load(Map.of());
        String pid = Files.exists(state.pidFile()) ? Files.readString(state.pidFile()).strip() : null;
        String url = Files.exists(state.apiUrlFile()) ? Files.readString(state.apiUrlFile()).strip() : config.publicUrl();
        try {
            JsonNode status = fetch(url + "/kumo/status");
            System.out.printf("kumo %s: up (pid %s, %s mode, up %ss) at %s%n", status.path("version").asText(),
                    status.path("pid").asText(), status.path("mode").asText(), status.path("uptime_seconds").asText(),
                    url);
            for (JsonNode c : status.path("components")) {
                System.out.printf("  %-22s %-8s %-5s %s%n", c.path("name").asText(), c.path("kind").asText(),
                        c.path("up").asBoolean() ? "up" : "DOWN", c.path("detail").asText());
            }
            return 0;
        } catch (java.io.IOException e) {
            System.out.printf("kumo: down (%s; API %s not answering: %s)%n",
                    pid == null ? "no pid file" : "pid file says " + pid, url, e.getMessage());
            return 3;
        }
    }

    private static JsonNode fetch(String url) throws java.io.IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new java.io.IOException("HTTP " + response.statusCode());
        }
        return Json.MAPPER.readTree(response.body());
    }
}
