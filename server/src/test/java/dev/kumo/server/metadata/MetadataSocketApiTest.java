package dev.kumo.server.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import dev.kumo.server.TestCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real cloud (emulated drivers): a network behind a router with two servers, and the metadata service asked over
 * its unix socket with the headers the router's or the DHCP namespace's proxy sets.
 */
class MetadataSocketApiTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHMpA6tFa0Yd9lUrA1jKx1PvgQ6nCp1bR0oBqFUKqUWq test@kumo";
    static TestCloud cloud;
    static UnixSocketHttp http;
    static String demo;
    static String network;
    static String router;
    static String server1;
    static String server2;
    static String ip1;
    static String ip2;
    static String floating;

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        http = new UnixSocketHttp(cloud.stateDir().resolve("run/metadata.sock"));
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

    @AfterAll
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

    static JsonNode json(UnixSocketHttp.Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return Json.MAPPER.readTree(reply.body());
    }

    @Test
    void socketLivesInTheStateDirectoryWithAWorldReadableDirectory() throws Exception {
        Path socket = cloud.stateDir().resolve("run/metadata.sock");
        assertThat(Files.exists(socket)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent()))).isEqualTo("rwxr-xr-x");
        var status = cloud.get(cloud.baseUrl() + "/kumo/status", null).json();
        assertThat(status.toString()).contains("\"name\":\"metadata\"").contains(socket.toString());
        // the API's TCP listener does not serve metadata, whatever headers come with the request
        assertThat(cloud.send("GET", cloud.baseUrl() + "/openstack/latest/meta_data.json", null, null,
                "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).status()).isEqualTo(404);
    }

    @Test
    void routerProxyRequestGetsTheCallersOwnMetaData() throws Exception {
        JsonNode md = json(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router));
        assertThat(md.get("uuid").asText()).isEqualTo(server1);
        assertThat(md.get("name").asText()).isEqualTo("Web Server_1");
        assertThat(md.get("hostname").asText()).isEqualTo("web-server-1.novalocal");
        assertThat(md.at("/public_keys/lab").asText()).isEqualTo(KEY);
        assertThat(md.at("/meta/role").asText()).isEqualTo("web");
        assertThat(md.get("project_id").asText()).isNotEmpty();
        JsonNode other = json(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router));
        assertThat(other.get("uuid").asText()).isEqualTo(server2);
        assertThat(other.has("public_keys")).isFalse();
    }

    @Test
    void ec2FormatGivesKeyAddressesAndUserData() {
        assertThat(http.get("/2009-04-04/meta-data/public-keys/0/openssh-key", "X-Forwarded-For", ip1,
                "X-Neutron-Router-ID", router).body()).isEqualTo(KEY);
        assertThat(http.get("/latest/meta-data/public-keys/", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .isEqualTo("0=lab");
        assertThat(http.get("/latest/meta-data/local-ipv4", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .isEqualTo(ip1);
        assertThat(http.get("/latest/meta-data/public-ipv4", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .isEqualTo(floating);
        assertThat(http.get("/latest/meta-data/instance-type", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .isEqualTo("m1.tiny");
        assertThat(http.get("/latest/meta-data/instance-id", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .isEqualTo("i-" + server1.substring(0, 8));
        assertThat(http.get("/2009-04-04/user-data", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .isEqualTo("#cloud-config\nhostname: x\n");
        assertThat(http.get("/openstack/latest/user_data", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router).status())
                .isEqualTo(404);
    }

    @Test
    void networkDataDescribesThePort() throws Exception {
        JsonNode nd = json(http.get("/openstack/latest/network_data.json", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router));
        String mac = cloud.get(net("/ports?device_id=" + server1), demo).json().at("/ports/0/mac_address").asText();
        assertThat(nd.at("/links/0/ethernet_mac_address").asText()).isEqualTo(mac);
        assertThat(nd.at("/links/0/mtu").asInt()).isPositive();
        assertThat(nd.at("/networks/0/network_id").asText()).isEqualTo(network);
        assertThat(nd.at("/networks/0/ip_address").asText()).isEqualTo(ip1);
        assertThat(nd.at("/networks/0/netmask").asText()).isEqualTo("255.255.255.0");
        assertThat(nd.at("/networks/0/routes/0/gateway").asText()).isEqualTo("10.0.0.1");
        assertThat(nd.at("/services/0/address").asText()).isEqualTo("10.0.0.2");
    }

    @Test
    void dhcpNamespaceProxyNamesTheNetwork() throws Exception {
        JsonNode md = json(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip1, "X-Neutron-Network-ID", network));
        assertThat(md.get("uuid").asText()).isEqualTo(server1);
    }

    @Test
    void unknownCallersGet404() {
        // an address no port has, the router's own address, a forged list, another router, no proxy headers at all
        assertThat(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", "10.0.0.250", "X-Neutron-Router-ID", router)
                .status()).isEqualTo(404);
        assertThat(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", "10.0.0.1", "X-Neutron-Router-ID", router)
                .status()).isEqualTo(404);
        assertThat(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip1 + ", " + ip2, "X-Neutron-Router-ID", router)
                .status()).isEqualTo(404);
        assertThat(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", "no-such-router")
                .status()).isEqualTo(404);
        assertThat(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip1, "X-Neutron-Network-ID", "other-net")
                .status()).isEqualTo(404);
        assertThat(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip1).status()).isEqualTo(404);
        assertThat(http.get("/openstack/latest/meta_data.json").status()).isEqualTo(404);
    }

    @Test
    void passwordCanBePostedOnce() {
        assertThat(http.send("POST", "/openstack/latest/password", "enc", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router)
                .status()).isEqualTo(200);
        assertThat(http.get("/openstack/latest/password", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router).body())
                .isEqualTo("enc");
        assertThat(http.send("POST", "/openstack/latest/password", "again", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router)
                .status()).isEqualTo(409);
    }

    @Test
    void versionListing() {
        assertThat(http.get("/openstack", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .startsWith("2012-08-10\n").contains("2018-08-27\n").endsWith("\nlatest");
    }
}
