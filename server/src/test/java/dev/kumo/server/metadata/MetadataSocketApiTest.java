package dev.kumo.server.metadata;

import static dev.kumo.server.metadata.MetadataLab.KEY;
import static dev.kumo.server.metadata.MetadataLab.cloud;
import static dev.kumo.server.metadata.MetadataLab.demo;
import static dev.kumo.server.metadata.MetadataLab.floating;
import static dev.kumo.server.metadata.MetadataLab.ip1;
import static dev.kumo.server.metadata.MetadataLab.ip2;
import static dev.kumo.server.metadata.MetadataLab.net;
import static dev.kumo.server.metadata.MetadataLab.network;
import static dev.kumo.server.metadata.MetadataLab.router;
import static dev.kumo.server.metadata.MetadataLab.server1;
import static dev.kumo.server.metadata.MetadataLab.server2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real cloud (emulated drivers): a network behind a router with two servers, and the metadata service asked over
 * its unix socket with the headers the router's or the DHCP namespace's proxy sets.
 */
class MetadataSocketApiTest {
    static UnixSocketHttp http;

    @BeforeAll
    static void start() throws Exception {
        MetadataLab.start();
        http = new UnixSocketHttp(MetadataLab.socket());
    }

    @AfterAll
    static void stop() {
        MetadataLab.stop();
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
        assertThat(http.get("/", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).headers()).doesNotContain("Jetty(");
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
        // the subnet has DHCP, served from the network's DHCP port: Nova then says "ipv4_dhcp" and gives no address
        // (OpenStackDocumentsTest covers the static description of a subnet without DHCP)
        assertThat(nd.at("/networks/0/type").asText()).isEqualTo("ipv4_dhcp");
        assertThat(nd.at("/networks/0/ip_address").isMissingNode()).isTrue();
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
        // a network id the guest added next to the router id its proxy set is not trusted
        assertThat(http.get("/openstack/latest/meta_data.json", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router,
                "X-Neutron-Network-ID", network).status()).isEqualTo(404);
    }

    @Test
    void passwordCanBePostedOnce() {
        assertThat(http.send("POST", "/openstack/latest/password", "enc", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router)
                .status()).isEqualTo(200);
        assertThat(http.get("/openstack/latest/password", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router).body())
                .isEqualTo("enc");
        assertThat(http.send("POST", "/openstack/latest/password", "again", "X-Forwarded-For", ip2, "X-Neutron-Router-ID", router)
                .status()).isEqualTo(409);
        String api = MetadataLab.cloud.baseUrl() + "/compute/v2.1/servers/" + server2 + "/os-server-password";
        assertThat(MetadataLab.cloud.get(api, demo).json().get("password").asText())
                .as("the owner reads what the guest posted").isEqualTo("enc");
        assertThat(MetadataLab.cloud.send("DELETE", api, demo, null).status()).isEqualTo(204);
        assertThat(MetadataLab.cloud.get(api, demo).json().get("password").asText()).isEmpty();
    }

    @Test
    void versionListing() {
        assertThat(http.get("/openstack", "X-Forwarded-For", ip1, "X-Neutron-Router-ID", router).body())
                .startsWith("2012-08-10\n").contains("2018-08-27\n").endsWith("\nlatest");
    }
}
