package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The path a guest's request really takes, on this host: haproxy in a network namespace of its own (as in a
 * router's), listening on 169.254.169.254:80, setting the caller's headers as Neutron's proxy does and forwarding
 * to kumo's unix socket in the root namespace. The "guests" are addresses on the namespace's loopback; no traffic
 * leaves the namespace and the socket.
 */
@Tag("dataplane")
class HaproxyMetadataDataPathTest {
    static final String NAMESPACE = "kumo-mdtest-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    static Path dir;
    static Process haproxy;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(CloudInitPackage.run(List.of("id", "-u"), Path.of(".")).output().strip().equals("0"),
                "namespaces need root");
        for (String tool : List.of("ip", "haproxy", "curl")) {
            assumeTrue(CloudInitPackage.run(List.of("which", tool), Path.of(".")).exit() == 0, tool + " is not installed");
        }
        MetadataLab.start();
        dir = Files.createTempDirectory("kumo-mdtest");
        ip("netns", "add", NAMESPACE);
        ip("-n", NAMESPACE, "link", "set", "lo", "up");
        for (String address : List.of("169.254.169.254", MetadataLab.ip1, MetadataLab.ip2, "10.0.0.250")) {
            ip("-n", NAMESPACE, "addr", "add", address + "/32", "dev", "lo");
        }
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, haproxyConfig(MetadataLab.router, MetadataLab.socket()));
        haproxy = new ProcessBuilder("ip", "netns", "exec", NAMESPACE, "haproxy", "-db", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        awaitListening();
    }

    /** As Neutron's metadata proxy: headers the guest sent are replaced, never appended to (dataplane pitfall 9). */
    static String haproxyConfig(String routerId, Path socket) {
        return String.join("\n", "global", "  maxconn 64", "defaults", "  mode http", "  timeout connect 5s",
                "  timeout client 10s", "  timeout server 10s", "frontend metadata", "  bind 169.254.169.254:80",
                "  http-request del-header X-Neutron-Network-ID", "  http-request set-header X-Forwarded-For %[src]",
                "  http-request set-header X-Neutron-Router-ID " + routerId, "  default_backend kumo", "backend kumo",
                "  server metadata " + socket.toAbsolutePath(), "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(5, TimeUnit.SECONDS);
        }
        if (dir != null) {
            CloudInitPackage.run(List.of("ip", "netns", "del", NAMESPACE), Path.of("."));
        }
        if (MetadataLab.cloud != null) {
            MetadataLab.stop();
        }
    }

    static void ip(String... args) throws Exception {
        var command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        var result = CloudInitPackage.run(command, Path.of("."));
        assertThat(result.exit()).as(String.join(" ", command) + ": " + result.output()).isZero();
    }

    /** curl from {@code source} inside the namespace; returns the body followed by a line with the status. */
    static CloudInitPackage.Result curl(String source, String path, String... headers) throws Exception {
        var command = new ArrayList<>(List.of("ip", "netns", "exec", NAMESPACE, "curl", "-s", "--max-time", "5",
                "--interface", source, "-w", "\n%{http_code}"));
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add("http://169.254.169.254" + path);
        return CloudInitPackage.run(command, Path.of("."));
    }

    static void awaitListening() throws Exception {
        for (int i = 0; i < 100; i++) {
            if (curl("169.254.169.254", "/").output().endsWith("404")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("haproxy did not answer in 5 s: " + Files.readString(dir.resolve("haproxy.log")));
    }

    static int status(CloudInitPackage.Result r) {
        String out = r.output();
        return Integer.parseInt(out.substring(out.lastIndexOf('\n') + 1).strip());
    }

    static String body(CloudInitPackage.Result r) {
        String out = r.output();
        return out.substring(0, out.lastIndexOf('\n'));
    }

    @Test
    void eachGuestGetsItsOwnDataThroughTheProxy() throws Exception {
        var one = curl(MetadataLab.ip1, "/openstack/latest/meta_data.json");
        assertThat(status(one)).as(one.output()).isEqualTo(200);
        JsonNode md = Json.MAPPER.readTree(body(one));
        assertThat(md.get("uuid").asText()).isEqualTo(MetadataLab.server1);
        assertThat(body(curl(MetadataLab.ip1, "/2009-04-04/meta-data/public-keys/0/openssh-key"))).isEqualTo(MetadataLab.KEY);
        var two = curl(MetadataLab.ip2, "/openstack/latest/meta_data.json");
        assertThat(Json.MAPPER.readTree(body(two)).get("uuid").asText()).isEqualTo(MetadataLab.server2);
    }

    @Test
    void forgedHeadersDoNotImpersonateAnotherGuest() throws Exception {
        var forged = curl(MetadataLab.ip2, "/openstack/latest/meta_data.json", "X-Forwarded-For: " + MetadataLab.ip1,
                "X-Neutron-Network-ID: " + MetadataLab.network);
        assertThat(status(forged)).as(forged.output()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(body(forged)).get("uuid").asText()).isEqualTo(MetadataLab.server2);
        var unknown = curl("10.0.0.250", "/openstack/latest/meta_data.json", "X-Forwarded-For: " + MetadataLab.ip1);
        assertThat(status(unknown)).as(unknown.output()).isEqualTo(404);
    }
}
