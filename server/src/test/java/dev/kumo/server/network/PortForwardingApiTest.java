package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v2.0/floatingips/{id}/port_forwardings}: API and state. */
class PortForwardingApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String demo;
    static String admin;
    static String publicNet;
    static String privateNet;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
        publicNet = neutron.create("network", admin, "\"name\": \"public\", \"router:external\": true").get("id").asText();
        neutron.subnet(admin, publicNet, "172.24.4.0/24", "\"enable_dhcp\": false");
        privateNet = neutron.network(demo, "private");
        String privateSubnet = neutron.subnet(demo, privateNet, "10.0.0.0/24");
        String router = neutron.create("router", demo, "\"name\": \"r\", \"external_gateway_info\": {\"network_id\": \""
                + publicNet + "\"}").get("id").asText();
        var added = neutron.put("/routers/" + router + "/add_router_interface", demo,
                "{\"subnet_id\": \"" + privateSubnet + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String fip() {
        return neutron.create("floatingip", demo, "\"floating_network_id\": \"" + publicNet + "\"").get("id").asText();
    }

    private static TestCloud.Response forward(String fip, String fields) {
        return neutron.post("/floatingips/" + fip + "/port_forwardings", demo, "{\"port_forwarding\": {" + fields + "}}");
    }

    private static String ssh(String port, int external) {
        return "\"internal_port_id\": \"" + port + "\", \"internal_port\": 22, \"external_port\": " + external
                + ", \"protocol\": \"tcp\"";
    }

    @Test
    void createListShowUpdateDelete() {
        String fip = fip();
        JsonNode port = neutron.port(demo, privateNet, "");
        String portId = port.get("id").asText();
        var created = forward(fip, ssh(portId, 2222) + ", \"description\": \"ssh\"");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode pf = created.json().get("port_forwarding");
        assertThat(pf.get("internal_ip_address").asText()).as("the port's first IPv4 address")
                .isEqualTo(port.at("/fixed_ips/0/ip_address").asText());
        assertThat(pf.get("external_port").asInt()).isEqualTo(2222);
        assertThat(pf.get("internal_port").asInt()).isEqualTo(22);
        assertThat(pf.get("protocol").asText()).isEqualTo("tcp");
        assertThat(pf.get("description").asText()).isEqualTo("ssh");
        String base = "/floatingips/" + fip + "/port_forwardings";
        String id = pf.get("id").asText();
        assertThat(neutron.get(base, demo).json().get("port_forwardings")).hasSize(1);
        assertThat(neutron.get(base + "?external_port=2222", demo).json().get("port_forwardings")).hasSize(1);
        assertThat(neutron.get(base + "?protocol=udp", demo).json().get("port_forwardings")).isEmpty();
        assertThat(neutron.get(base + "/" + id, demo).json().at("/port_forwarding/id").asText()).isEqualTo(id);
        var updated = neutron.put(base + "/" + id, demo, "{\"port_forwarding\": {\"external_port\": 2200, "
                + "\"protocol\": \"udp\"}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().at("/port_forwarding/external_port").asInt()).isEqualTo(2200);
        assertThat(updated.json().at("/port_forwarding/protocol").asText()).isEqualTo("udp");
        assertThat(neutron.delete(base + "/" + id, demo).status()).isEqualTo(204);
        assertThat(Neutron.error(neutron.get(base + "/" + id, demo), 404).get("message").asText())
                .isEqualTo("Port Forwarding " + id + " could not be found.");
        assertThat(Neutron.error(neutron.get("/floatingips/nope/port_forwardings", demo), 404).get("type").asText())
                .isEqualTo("FloatingIPNotFound");
    }

    @Test
    void validationsAsNeutron() {
        String fip = fip();
        String portId = neutron.port(demo, privateNet, "").get("id").asText();
        assertThat(Neutron.error(forward(fip, "\"internal_port_id\": \"" + portId + "\", \"internal_port\": 22, "
                + "\"protocol\": \"tcp\""), 400).get("message").asText())
                .isEqualTo("Failed to parse request. Required attribute 'external_port' not specified");
        assertThat(Neutron.error(forward(fip, ssh(portId, 22).replace("tcp", "icmp")), 400).get("message").asText())
                .isEqualTo("Invalid input for protocol. Reason: icmp is not in ['tcp', 'udp'].");
        assertThat(Neutron.error(forward(fip, ssh(portId, 70000)), 400).get("message").asText())
                .isEqualTo("Invalid input for external_port. Reason: Invalid port: 70000.");
        assertThat(Neutron.error(forward(fip, ssh(portId, 22) + ", \"internal_ip_address\": \"10.9.9.9\""), 400)
                .get("message").asText()).startsWith("Bad port_forwarding request: Requested internal IP address "
                        + "10.9.9.9 is not suitable for internal neutron port " + portId);
        assertThat(Neutron.error(forward(fip, ssh("nope", 22)), 404).get("type").asText()).isEqualTo("PortNotFound");
        String isolated = neutron.network(demo, "isolated");
        neutron.subnet(demo, isolated, "10.8.0.0/24");
        String lonely = neutron.port(demo, isolated, "").get("id").asText();
        assertThat(Neutron.error(forward(fip, ssh(lonely, 22)), 400).get("message").asText())
                .startsWith("Bad port_forwarding request: External network " + publicNet + " is not reachable");
        assertThat(forward(fip, ssh(portId, 22)).status()).isEqualTo(201);
        String other = neutron.port(demo, privateNet, "").get("id").asText();
        JsonNode duplicate = Neutron.error(forward(fip, ssh(other, 22)), 400);
        assertThat(duplicate.get("message").asText()).isEqualTo("Bad port_forwarding request: A duplicate port "
                + "forwarding entry with same attributes already exists, conflicting values are {'floatingip_id': '"
                + fip + "', 'external_port': 22, 'protocol': 'tcp'}.");
        assertThat(forward(fip, ssh(other, 22).replace("tcp", "udp")).status()).as("same port, other protocol")
                .isEqualTo(201);
        assertThat(Neutron.error(forward(fip, ssh(portId, 23)), 400).get("message").asText())
                .as("one forwarding per internal socket").contains("'internal_port': 22, 'protocol': 'tcp'");
        var associate = neutron.put("/floatingips/" + fip, demo, "{\"floatingip\": {\"port_id\": \"" + other + "\"}}");
        assertThat(Neutron.error(associate, 409).get("message").asText())
                .isEqualTo("Floating IP " + fip + " in use by Port Forwarding resources.");
        String other2 = fip();
        String vm = neutron.port(demo, privateNet, "").get("id").asText();
        assertThat(neutron.put("/floatingips/" + other2, demo, "{\"floatingip\": {\"port_id\": \"" + vm + "\"}}")
                .status()).isEqualTo(200);
        assertThat(Neutron.error(forward(other2, ssh(portId, 2022)), 409).get("type").asText())
                .isEqualTo("FloatingIPPortAlreadyAssociated");
        assertThat(Neutron.error(forward(fip, ssh(vm, 2023)), 409).get("type").asText())
                .isEqualTo("PortHasBindingFloatingIP");
    }

    @Test
    void forwardingsGoWithTheirPortAndFloatingIpAndOthersCannotSeeThem() {
        String fip = fip();
        String portId = neutron.port(demo, privateNet, "").get("id").asText();
        assertThat(forward(fip, ssh(portId, 3022)).status()).isEqualTo(201);
        String otherProject = neutron.otherProjectToken(admin, "pf-other");
        assertThat(neutron.get("/floatingips/" + fip + "/port_forwardings", otherProject).status()).isEqualTo(404);
        assertThat(neutron.delete("/ports/" + portId, demo).status()).isEqualTo(204);
        assertThat(neutron.get("/floatingips/" + fip + "/port_forwardings", demo).json().get("port_forwardings"))
                .as("deleting the internal port deletes its forwardings").isEmpty();
        String again = neutron.port(demo, privateNet, "").get("id").asText();
        assertThat(forward(fip, ssh(again, 3022)).status()).isEqualTo(201);
        assertThat(neutron.delete("/floatingips/" + fip, demo).status()).as("a floating IP goes with its forwardings")
                .isEqualTo(204);
        assertThat(forward(fip(), ssh(again, 3022)).status()).as("the socket is free again").isEqualTo(201);
    }
}
