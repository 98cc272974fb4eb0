package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A real cloud (emulated drivers) for metadata tests: a private network behind router r1 (gateway on a public
 * network), key pair "lab", server 1 ("Web Server_1": key, user data, metadata, a floating IP) and server 2 ("db":
 * nothing else) on it.
 */
final class MetadataLab {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHMpA6tFa0Yd9lUrA1jKx1PvgQ6nCp1bR0oBqFUKqUWq test@kumo";
    static TestCloud cloud;
    static String demo;
    static String network;
    static String router;
    static String server1;
    static String server2;
    static String ip1;
    static String ip2;
    static String floating;

    static void start() throws Exception {
        cloud = TestCloud.start();
        String admin = cloud.adminToken();
        demo = cloud.demoToken();
        String publicNet = create("network", admin, "\"name\": \"public\", \"router:external\": true").get("id").asText();
        create("subnet", admin, "\"network_id\": \"" + publicNet + "\", \"cidr\": \"172.24.4.0/24\", \"ip_version\": 4, "
                + "\"enable_dhcp\": false");
        network = create("network", demo, "\"name\": \"private\"").get("id").asText();
        String subnet = create("subnet", demo, "\"network_id\": \"" + network + "\", \"cidr\": \"10.0.0.0/24\", "
                + "\"ip_version\": 4, \"dns_nameservers\": [\"10.0.0.2\"]").get("id").asText();
        router = create("router", demo, "\"name\": \"r1\", \"external_gateway_info\": {\"network_id\": \"" + publicNet
                + "\"}").get("id").asText();
        var added = cloud.send("PUT", net("/routers/" + router + "/add_router_interface"), demo,
                "{\"subnet_id\": \"" + subnet + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        var key = cloud.send("POST", compute("/os-keypairs"), demo, "{\"keypair\": {\"name\": \"lab\", \"public_key\": \""
                + KEY + "\"}}");
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        String image = image(demo);
        String userData = Base64.getEncoder().encodeToString("#cloud-config\nhostname: x\n".getBytes(StandardCharsets.UTF_8));
        server1 = boot("\"name\": \"Web Server_1\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", \"key_name\": \"lab\", "
                + "\"user_data\": \"" + userData + "\", \"metadata\": {\"role\": \"web\"}, \"networks\": [{\"uuid\": \"" + network + "\"}]");
        server2 = boot("\"name\": \"db\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \""
                + network + "\"}]");
        ip1 = fixedIp(server1);
        ip2 = fixedIp(server2);
        String port1 = cloud.get(net("/ports?device_id=" + server1), demo).json().at("/ports/0/id").asText();
        floating = create("floatingip", demo, "\"floating_network_id\": \"" + publicNet + "\", \"port_id\": \"" + port1 + "\"")
                .get("floating_ip_address").asText();
    }

    static void stop() {
        cloud.close();
    }

    static String net(String path) {
        return cloud.baseUrl() + "/network/v2.0" + path;
    }

    static String compute(String path) {
        return cloud.baseUrl() + "/compute/v2.1" + path;
    }

    static JsonNode create(String kind, String token, String fields) {
        var r = cloud.send("POST", net("/" + kind + "s"), token, "{\"" + kind + "\": {" + fields + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(kind);
    }

    static String image(String token) throws Exception {
        var created = cloud.send("POST", cloud.baseUrl() + "/image/v2/images", token,
                "{\"name\": \"img\", \"disk_format\": \"raw\", \"container_format\": \"bare\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        var upload = HttpRequest.newBuilder(URI.create(cloud.baseUrl() + "/image/v2/images/" + id + "/file"))
                .header("X-Auth-Token", token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[512])).build();
        assertThat(HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        return id;
    }

    static String boot(String body) throws InterruptedException {
        var r = cloud.send("POST", compute("/servers"), demo, "{\"server\": {" + body + "}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().at("/server/id").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (cloud.get(compute("/servers/" + id), demo).json().at("/server/status").asText().equals("ACTIVE")) {
                return id;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("server " + id + " did not become ACTIVE in 10 s");
    }

    static String fixedIp(String serverId) {
        var ports = cloud.get(net("/ports?device_id=" + serverId), demo).json().get("ports");
        assertThat(ports).hasSize(1);
        return ports.get(0).at("/fixed_ips/0/ip_address").asText();
    }

    static Path socket() {
        return cloud.stateDir().resolve("run/metadata.sock");
    }

    private MetadataLab() {}
}
