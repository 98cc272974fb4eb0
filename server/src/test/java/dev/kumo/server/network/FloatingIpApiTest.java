package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Floating IPs: allocation on external networks, association through a router, and their refusals. */
class FloatingIpApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String admin;
    static String demo;
    static String publicNet;
    static String privateNet;
    static String privateSubnet;
    static String router;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
        publicNet = neutron.create("network", admin, "\"name\": \"public\", \"router:external\": true, "
                + "\"provider:network_type\": \"flat\", \"provider:physical_network\": \"physnet1\"").get("id").asText();
        neutron.subnet(admin, publicNet, "172.24.4.0/24", "\"enable_dhcp\": false, "
                + "\"allocation_pools\": [{\"start\": \"172.24.4.10\", \"end\": \"172.24.4.14\"}]");
        privateNet = neutron.network(demo, "private");
        privateSubnet = neutron.subnet(demo, privateNet, "10.0.0.0/24");
        router = neutron.create("router", demo, "\"name\": \"router1\", \"external_gateway_info\": {\"network_id\": \""
                + publicNet + "\"}").get("id").asText();
        var added = neutron.put("/routers/" + router + "/add_router_interface", demo,
                "{\"subnet_id\": \"" + privateSubnet + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    JsonNode fip(String token, String extra) {
        return neutron.create("floatingip", token, "\"floating_network_id\": \"" + publicNet + "\""
                + (extra.isEmpty() ? "" : ", " + extra));
    }

    @Test
    void associationNatsAFixedIpThroughTheRouterAndDisassociationUndoesIt() {
        JsonNode f = fip(demo, "");
        assertThat(f.get("floating_ip_address").asText()).startsWith("172.24.4.");
        assertThat(f.get("status").asText()).isEqualTo("DOWN");
        assertThat(f.get("router_id").isNull() && f.get("port_id").isNull()).isTrue();
        String port = neutron.port(demo, privateNet, "\"name\": \"vm\"").get("id").asText();
        String fixed = neutron.get("/ports/" + port, demo).json().at("/port/fixed_ips/0/ip_address").asText();
        var set = neutron.put("/floatingips/" + f.get("id").asText(), demo, "{\"floatingip\": {\"port_id\": \"" + port + "\"}}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode associated = set.json().get("floatingip");
        assertThat(associated.get("port_id").asText()).isEqualTo(port);
        assertThat(associated.get("fixed_ip_address").asText()).isEqualTo(fixed);
        assertThat(associated.get("router_id").asText()).isEqualTo(router);
        assertThat(associated.get("status").asText()).as("the fake data path carries it").isEqualTo("ACTIVE");
        assertThat(neutron.get("/floatingips?port_id=" + port, demo).json().get("floatingips")).hasSize(1);
        var clear = neutron.put("/routers/" + router, demo, "{\"router\": {\"external_gateway_info\": {}}}");
        assertThat(Neutron.error(clear, 409).get("type").asText()).isEqualTo("RouterExternalGatewayInUseByFloatingIp");
        var remove = neutron.put("/routers/" + router + "/remove_router_interface", demo,
                "{\"subnet_id\": \"" + privateSubnet + "\"}");
        assertThat(Neutron.error(remove, 409).get("type").asText()).isEqualTo("RouterInterfaceInUseByFloatingIP");
        var unset = neutron.put("/floatingips/" + f.get("id").asText(), demo, "{\"floatingip\": {\"port_id\": null}}");
        assertThat(unset.json().at("/floatingip/status").asText()).isEqualTo("DOWN");
        assertThat(unset.json().at("/floatingip/router_id").isNull()).isTrue();
        assertThat(neutron.delete("/floatingips/" + f.get("id").asText(), demo).status()).isEqualTo(204);
        assertThat(neutron.get("/floatingips/" + f.get("id").asText(), demo).status()).isEqualTo(404);
    }

    @Test
    void aGivenAddressIsTakenAndDeletingThePortDisassociates() {
        JsonNode f = fip(admin, "\"floating_ip_address\": \"172.24.4.14\"");
        assertThat(f.get("floating_ip_address").asText()).isEqualTo("172.24.4.14");
        var again = neutron.post("/floatingips", admin, "{\"floatingip\": {\"floating_network_id\": \"" + publicNet
                + "\", \"floating_ip_address\": \"172.24.4.14\"}}");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        String port = neutron.port(demo, privateNet, "").get("id").asText();
        JsonNode mine = fip(demo, "\"port_id\": \"" + port + "\"");
        assertThat(mine.get("router_id").asText()).isEqualTo(router);
        assertThat(neutron.delete("/ports/" + port, demo).status()).isEqualTo(204);
        JsonNode after = neutron.get("/floatingips/" + mine.get("id").asText(), demo).json().get("floatingip");
        assertThat(after.get("port_id").isNull() && after.get("fixed_ip_address").isNull()).isTrue();
        assertThat(neutron.delete("/floatingips/" + mine.get("id").asText(), demo).status()).isEqualTo(204);
        assertThat(neutron.delete("/floatingips/" + f.get("id").asText(), admin).status()).isEqualTo(204);
    }

    @Test
    void unreachableSubnetIs404AndInternalNetworksAre400() {
        String isolated = neutron.network(demo, "isolated");
        String subnet = neutron.subnet(demo, isolated, "10.50.0.0/24");
        String port = neutron.port(demo, isolated, "").get("id").asText();
        var r = neutron.post("/floatingips", demo, "{\"floatingip\": {\"floating_network_id\": \"" + publicNet
                + "\", \"port_id\": \"" + port + "\"}}");
        assertThat(Neutron.error(r, 404).get("message").asText()).isEqualTo("External network " + publicNet
                + " is not reachable from subnet " + subnet + ".  Therefore, cannot associate Port " + port
                + " with a Floating IP.");
        var internal = neutron.post("/floatingips", demo, "{\"floatingip\": {\"floating_network_id\": \"" + isolated + "\"}}");
        assertThat(Neutron.error(internal, 400).get("message").asText())
                .isEqualTo("Bad floatingip request: Network " + isolated + " is not a valid external network.");
        String other = neutron.otherProjectToken(admin, "fip-other");
        var foreign = neutron.post("/floatingips", other, "{\"floatingip\": {\"floating_network_id\": \"" + publicNet
                + "\", \"port_id\": \"" + port + "\"}}");
        assertThat(Neutron.error(foreign, 404).get("type").asText()).isEqualTo("PortNotFound");
    }

    @Test
    void deletingAnExternalNetworkTakesItsUnassociatedFloatingIpsAlong() {
        String ext = neutron.create("network", admin, "\"name\": \"ext-gone\", \"router:external\": true").get("id").asText();
        neutron.subnet(admin, ext, "172.26.0.0/24", "\"enable_dhcp\": false");
        String id = fip(admin, "").get("id").asText();
        String idle = neutron.create("floatingip", admin, "\"floating_network_id\": \"" + ext + "\"").get("id").asText();
        assertThat(neutron.delete("/networks/" + ext, admin).status()).isEqualTo(204);
        assertThat(neutron.get("/floatingips/" + idle, admin).status()).isEqualTo(404);
        assertThat(neutron.get("/floatingips/" + id, admin).status()).as("other networks' stay").isEqualTo(200);
    }

    @Test
    void exhaustedPoolIs409() {
        String pool = neutron.create("network", admin, "\"name\": \"tiny\", \"router:external\": true").get("id").asText();
        neutron.subnet(admin, pool, "172.25.0.0/29", "\"enable_dhcp\": false, \"allocation_pools\": [{\"start\": "
                + "\"172.25.0.2\", \"end\": \"172.25.0.2\"}]");
        neutron.create("floatingip", demo, "\"floating_network_id\": \"" + pool + "\"");
        var second = neutron.post("/floatingips", demo, "{\"floatingip\": {\"floating_network_id\": \"" + pool + "\"}}");
        assertThat(Neutron.error(second, 409).get("type").asText()).isEqualTo("IpAddressGenerationFailure");
    }
}
