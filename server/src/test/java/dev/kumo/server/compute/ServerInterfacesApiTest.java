package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.Test;

/** {@code os-interface} on the fake driver: list, show, attach by network and by port, detach, and the errors. */
class ServerInterfacesApiTest {

    @Test
    void attachesAndDetachesPortsAndKeepsThemAcrossARestart() throws Exception {
        try (TestCloud cloud = TestCloud.start()) {
            var nova = new Nova(cloud);
            String demo = cloud.demoToken();
            String image = nova.image(demo, "tiny-image", 96, 0, 1024);
            String first = nova.network(demo, "first", "10.4.0.0/24");
            String second = nova.network(demo, "second", "10.5.0.0/24");
            String server = nova.boot(demo, "\"name\": \"hot\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + first + "\"}]");
            nova.await(demo, server, "ACTIVE");
            String path = "/servers/" + server + "/os-interface";

            JsonNode listed = nova.get(path, demo).json().get("interfaceAttachments");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("net_id").asText()).isEqualTo(first);
            assertThat(listed.get(0).at("/fixed_ips/0/subnet_id").asText()).hasSize(36);
            assertThat(listed.get(0).has("tag")).isFalse();

            var attached = nova.post(path, demo, "{\"interfaceAttachment\": {\"net_id\": \"" + second
                    + "\", \"fixed_ips\": [{\"ip_address\": \"10.5.0.50\"}]}}");
            assertThat(attached.status()).as(attached.body()).isEqualTo(200);
            JsonNode a = attached.json().get("interfaceAttachment");
            String created = a.get("port_id").asText();
            assertThat(a.get("net_id").asText()).isEqualTo(second);
            assertThat(a.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.5.0.50");
            assertThat(a.get("mac_addr").asText()).matches("([0-9a-f]{2}:){5}[0-9a-f]{2}");
            var shown = nova.get(path + "/" + created, demo, "OpenStack-API-Version", "compute 2.70");
            assertThat(shown.status()).as(shown.body()).isEqualTo(200);
            assertThat(shown.json().at("/interfaceAttachment/mac_addr").asText()).isEqualTo(a.get("mac_addr").asText());
            assertThat(shown.json().at("/interfaceAttachment").has("tag")).isTrue();
            assertThat(console(nova, demo, server)).contains(a.get("mac_addr").asText() + " plugged");
            assertThat(addresses(nova, demo, server).has("second")).isTrue();

            // a user's port: bound to the server on attach, unbound (not deleted) on detach
            var port = cloud.send("POST", cloud.baseUrl() + "/network/v2.0/ports", demo,
                    "{\"port\": {\"network_id\": \"" + second + "\"}}");
            String userPort = port.json().at("/port/id").asText();
            var byPort = nova.post(path, demo, "{\"interfaceAttachment\": {\"port_id\": \"" + userPort + "\"}}");
            assertThat(byPort.status()).as(byPort.body()).isEqualTo(200);
            assertThat(portField(cloud, demo, userPort, "device_id")).isEqualTo(server);
            assertThat(nova.get(path, demo).json().get("interfaceAttachments")).hasSize(3);

            cloud.restart();
            demo = cloud.demoToken();
            assertThat(nova.get(path, demo).json().get("interfaceAttachments")).hasSize(3);

            assertThat(nova.delete(path + "/" + created, demo).status()).isEqualTo(202);
            assertThat(cloud.get(cloud.baseUrl() + "/network/v2.0/ports/" + created, demo).status()).isEqualTo(404);
            assertThat(nova.delete(path + "/" + userPort, demo).status()).isEqualTo(202);
            assertThat(portField(cloud, demo, userPort, "device_id")).isEmpty();
            JsonNode left = nova.get(path, demo).json().get("interfaceAttachments");
            assertThat(left).hasSize(1);
            assertThat(left.get(0).get("net_id").asText()).isEqualTo(first);
            assertThat(console(nova, demo, server)).contains("unplugged (port " + userPort + ")");
        }
    }

    @Test
    void refusesWhatNovaRefuses() throws Exception {
        try (TestCloud cloud = TestCloud.start()) {
            var nova = new Nova(cloud);
            String demo = cloud.demoToken();
            String image = nova.image(demo, "tiny-image", 96, 0, 1024);
            String net = nova.network(demo, "only", "10.6.0.0/24");
            String server = nova.boot(demo, "\"name\": \"s\", \"imageRef\": \"" + image + "\", \"flavorRef\": \"1\", "
                    + "\"networks\": [{\"uuid\": \"" + net + "\"}]");
            nova.await(demo, server, "ACTIVE");
            String path = "/servers/" + server + "/os-interface";
            String bound = nova.get(path, demo).json().at("/interfaceAttachments/0/port_id").asText();

            Nova.fault(nova.post(path, demo, "{\"interfaceAttachment\": {\"net_id\": \"" + java.util.UUID.randomUUID()
                    + "\"}}"), 404, "itemNotFound");
            Nova.fault(nova.post(path, demo, "{\"interfaceAttachment\": {\"port_id\": \"" + bound + "\"}}"), 409,
                    "conflictingRequest");
            Nova.fault(nova.get(path + "/" + java.util.UUID.randomUUID(), demo), 404, "itemNotFound");
            Nova.fault(nova.delete(path + "/" + java.util.UUID.randomUUID(), demo), 404, "itemNotFound");
            Nova.fault(nova.get("/servers/" + java.util.UUID.randomUUID() + "/os-interface", demo), 404, "itemNotFound");

            assertThat(nova.post("/servers/" + server + "/action", demo, "{\"suspend\": null}").status()).isEqualTo(202);
            nova.await(demo, server, "SUSPENDED");
            Nova.fault(nova.post(path, demo, "{\"interfaceAttachment\": {}}"), 409, "conflictingRequest");

            assertThat(nova.post("/servers/" + server + "/action", demo, "{\"resume\": null}").status()).isEqualTo(202);
            nova.await(demo, server, "ACTIVE");
            assertThat(nova.post("/servers/" + server + "/action", demo, "{\"os-stop\": null}").status()).isEqualTo(202);
            nova.await(demo, server, "SHUTOFF");
            // no network named: the project's only one; a stopped server may change its NICs
            var r = nova.post(path, demo, "{\"interfaceAttachment\": {}}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().at("/interfaceAttachment/net_id").asText()).isEqualTo(net);
        }
    }

    private static String console(Nova nova, String token, String server) {
        var r = nova.post("/servers/" + server + "/action", token, "{\"os-getConsoleOutput\": {}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("output").asText();
    }

    private static JsonNode addresses(Nova nova, String token, String server) {
        return nova.get("/servers/" + server, token).json().at("/server/addresses");
    }

    private static String portField(TestCloud cloud, String token, String port, String field) {
        return cloud.get(cloud.baseUrl() + "/network/v2.0/ports/" + port, token).json().at("/port/" + field).asText();
    }
}
