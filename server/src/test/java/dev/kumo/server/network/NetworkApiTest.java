package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetworkApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String admin;
    static String demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void tenantNetworkGetsAVxlanSegmentAndNeutronsDefaults() {
        JsonNode n = neutron.create("network", demo, "\"name\": \"private\", \"description\": \"d1\"");
        assertThat(n.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(n.get("mtu").asInt()).isEqualTo(1450);
        assertThat(n.get("admin_state_up").asBoolean()).isTrue();
        assertThat(n.get("shared").asBoolean()).isFalse();
        assertThat(n.get("router:external").asBoolean()).isFalse();
        assertThat(n.get("port_security_enabled").asBoolean()).isTrue();
        assertThat(n.get("availability_zones").toString()).isEqualTo("[\"nova\"]");
        assertThat(n.get("subnets")).isEmpty();
        assertThat(n.get("description").asText()).isEqualTo("d1");
        assertThat(n.get("project_id").asText()).isEqualTo(n.get("tenant_id").asText()).isNotEmpty();
        assertThat(n.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(n.get("revision_number").asLong()).isPositive();
        assertThat(n.has("provider:network_type")).as("provider attributes are admin-only").isFalse();
        JsonNode asAdmin = neutron.get("/networks/" + n.get("id").asText(), admin).json().get("network");
        assertThat(asAdmin.get("provider:network_type").asText()).isEqualTo("vxlan");
        assertThat(asAdmin.get("provider:segmentation_id").asInt()).isBetween(1, 1000);
        assertThat(asAdmin.get("provider:physical_network").isNull()).isTrue();
    }

    @Test
    void showUpdateDeleteAndRevision() {
        JsonNode n = neutron.create("network", demo, "\"name\": \"n1\"");
        String id = n.get("id").asText();
        var updated = neutron.put("/networks/" + id, demo,
                "{\"network\": {\"name\": \"n1b\", \"admin_state_up\": false, \"description\": \"d2\", \"mtu\": 1400}}");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        JsonNode u = updated.json().get("network");
        assertThat(u.get("name").asText()).isEqualTo("n1b");
        assertThat(u.get("mtu").asInt()).isEqualTo(1400);
        assertThat(u.get("status").asText()).as("the fake driver reports an administratively down network").isEqualTo("DOWN");
        assertThat(u.get("revision_number").asLong()).isGreaterThan(n.get("revision_number").asLong());
        assertThat(neutron.get("/networks/" + id, demo).json().at("/network/description").asText()).isEqualTo("d2");
        assertThat(neutron.delete("/networks/" + id, demo).status()).isEqualTo(204);
        JsonNode error = Neutron.error(neutron.get("/networks/" + id, demo), 404);
        assertThat(error.get("type").asText()).isEqualTo("NetworkNotFound");
        assertThat(error.get("message").asText()).isEqualTo("Network " + id + " could not be found.");
        assertThat(Neutron.error(neutron.delete("/networks/" + id, demo), 404).get("type").asText()).isEqualTo("NetworkNotFound");
    }

    @Test
    void adminOnlyAttributesAre403ForOthers() {
        for (String attribute : List.of("\"shared\": true", "\"router:external\": true",
                "\"provider:network_type\": \"vxlan\"")) {
            var r = neutron.post("/networks", demo, "{\"network\": {\"name\": \"x\", " + attribute + "}}");
            JsonNode error = Neutron.error(r, 403);
            assertThat(error.get("type").asText()).isEqualTo("PolicyNotAuthorized");
            assertThat(error.get("message").asText()).endsWith("is disallowed by policy.");
        }
        String id = neutron.network(demo, "mine");
        assertThat(Neutron.error(neutron.put("/networks/" + id, demo, "{\"network\": {\"router:external\": true}}"), 403)
                .get("message").asText()).isEqualTo("(rule:update_network:router:external) is disallowed by policy.");
    }

    @Test
    void providerNetworksAreValidatedAndTheirSegmentsExclusive() {
        JsonNode flat = neutron.create("network", admin, "\"name\": \"public\", \"router:external\": true, "
                + "\"provider:network_type\": \"flat\", \"provider:physical_network\": \"physnet1\"");
        assertThat(flat.get("mtu").asInt()).isEqualTo(1500);
        assertThat(flat.get("router:external").asBoolean()).isTrue();
        assertThat(flat.get("provider:segmentation_id").isNull()).isTrue();
        var second = neutron.post("/networks", admin, "{\"network\": {\"provider:network_type\": \"flat\", "
                + "\"provider:physical_network\": \"physnet1\"}}");
        assertThat(Neutron.error(second, 409).get("message").asText())
                .isEqualTo("Unable to create the flat network. Physical network physnet1 is in use.");
        neutron.create("network", admin, "\"provider:network_type\": \"vlan\", \"provider:physical_network\": \"physnet1\", "
                + "\"provider:segmentation_id\": 100");
        assertThat(Neutron.error(neutron.post("/networks", admin, "{\"network\": {\"provider:network_type\": \"vlan\", "
                + "\"provider:physical_network\": \"physnet1\", \"provider:segmentation_id\": 100}}"), 409).get("type").asText())
                .isEqualTo("VlanIdInUse");
        assertThat(Neutron.error(neutron.post("/networks", admin, "{\"network\": {\"provider:network_type\": \"vlan\", "
                + "\"provider:physical_network\": \"physnet7\", \"provider:segmentation_id\": 5}}"), 400).get("message").asText())
                .contains("physical_network 'physnet7' unknown for vlan provider network");
        assertThat(Neutron.error(neutron.post("/networks", admin, "{\"network\": {\"provider:network_type\": \"gre\"}}"), 400)
                .get("message").asText()).isEqualTo("Invalid input for operation: network_type value 'gre' not supported.");
        assertThat(Neutron.error(neutron.post("/networks", admin, "{\"network\": {\"provider:network_type\": \"vxlan\", "
                + "\"provider:segmentation_id\": 5000, \"mtu\": 1500}}"), 400).get("message").asText())
                .isEqualTo("Invalid input for operation: Requested MTU is too big, maximum is 1450.");
    }

    @Test
    void concurrentCreatesNeverShareASegment() throws Exception {
        var pool = Executors.newFixedThreadPool(10);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(pool.submit((Callable<String>) () -> neutron.create("network", admin, "\"name\": \"seg\"").get("id").asText()));
        }
        Set<Integer> segments = new HashSet<>();
        for (Future<String> f : futures) {
            segments.add(neutron.get("/networks/" + f.get(), admin).json().at("/network/provider:segmentation_id").asInt());
        }
        pool.shutdown();
        assertThat(segments).hasSize(20);
    }

    @Test
    void unknownAndReadOnlyAttributesAre400() {
        assertThat(Neutron.error(neutron.post("/networks", demo, "{\"network\": {\"colour\": \"blue\"}}"), 400)
                .get("message").asText()).isEqualTo("Unrecognized attribute(s) 'colour'");
        assertThat(Neutron.error(neutron.post("/networks", demo, "{\"network\": {\"status\": \"ACTIVE\"}}"), 400)
                .get("message").asText()).isEqualTo("Attribute 'status' not allowed in POST");
        String id = neutron.network(demo, "ro");
        assertThat(Neutron.error(neutron.put("/networks/" + id, demo, "{\"network\": {\"project_id\": \"x\"}}"), 400)
                .get("message").asText()).isEqualTo("Cannot update read-only attribute project_id");
        assertThat(Neutron.error(neutron.post("/networks", demo, "{\"net\": {}}"), 400).get("message").asText())
                .isEqualTo("Unable to find 'network' in request body");
        assertThat(Neutron.error(neutron.post("/networks", demo, "{\"network\": {\"admin_state_up\": \"maybe\"}}"), 400)
                .get("message").asText()).isEqualTo("Invalid input for admin_state_up. Reason: 'maybe' cannot be converted to boolean.");
        var converted = neutron.create("network", demo, "\"admin_state_up\": \"False\"");
        assertThat(converted.get("admin_state_up").asBoolean()).as("Neutron converts 'False'").isFalse();
    }

    @Test
    void projectIdOfAnotherProjectIsOnlyForAdmins() {
        String demoProject = Neutron.projectOf(cloud, demo);
        var r = neutron.post("/networks", demo, "{\"network\": {\"project_id\": \"someone-else\"}}");
        assertThat(Neutron.error(r, 400).get("message").asText()).startsWith("Specifying 'project_id' or 'tenant_id' other than");
        JsonNode forDemo = neutron.create("network", admin, "\"name\": \"given\", \"tenant_id\": \"" + demoProject + "\"");
        assertThat(forDemo.get("project_id").asText()).isEqualTo(demoProject);
        assertThat(neutron.get("/networks/" + forDemo.get("id").asText(), demo).status()).isEqualTo(200);
    }

    @Test
    void deletingANetworkWithPortsIs409AndWithOnlySubnetsDeletesThem() {
        String net = neutron.network(demo, "busy");
        String subnet = neutron.subnet(demo, net, "10.20.0.0/24");
        String port = neutron.port(demo, net, "").get("id").asText();
        JsonNode error = Neutron.error(neutron.delete("/networks/" + net, demo), 409);
        assertThat(error.get("type").asText()).isEqualTo("NetworkInUse");
        assertThat(error.get("message").asText()).contains("There are one or more ports still in use on the network").contains(port);
        assertThat(neutron.delete("/ports/" + port, demo).status()).isEqualTo(204);
        assertThat(neutron.delete("/networks/" + net, demo).status()).isEqualTo(204);
        assertThat(neutron.get("/subnets/" + subnet, demo).status()).isEqualTo(404);
    }

    @Test
    void dhcpPortsGoWithTheirNetwork() {
        String net = neutron.network(demo, "dhcp");
        neutron.subnet(demo, net, "10.21.0.0/24");
        String dhcp = neutron.port(demo, net, "\"device_owner\": \"network:dhcp\"").get("id").asText();
        assertThat(neutron.delete("/networks/" + net, demo).status()).isEqualTo(204);
        assertThat(neutron.get("/ports/" + dhcp, admin).status()).isEqualTo(404);
    }

    @Test
    void bulkCreateIsAllOrNothing() {
        var ok = neutron.post("/networks", demo, "{\"networks\": [{\"name\": \"b1\"}, {\"name\": \"b2\"}]}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().get("networks")).extracting(n -> n.get("name").asText()).containsExactly("b1", "b2");
        var bad = neutron.post("/networks", demo, "{\"networks\": [{\"name\": \"b3\"}, {\"name\": \"b4\", \"shared\": true}]}");
        assertThat(bad.status()).isEqualTo(403);
        assertThat(neutron.get("/networks?name=b3", demo).json().get("networks")).isEmpty();
    }

    @Test
    void availabilityZoneHintsMustNameAZone() {
        JsonNode n = neutron.create("network", demo, "\"availability_zone_hints\": [\"nova\"]");
        assertThat(n.get("availability_zone_hints").toString()).isEqualTo("[\"nova\"]");
        assertThat(Neutron.error(neutron.post("/networks", demo, "{\"network\": {\"availability_zone_hints\": [\"mars\"]}}"),
                404).get("message").asText()).isEqualTo("AvailabilityZone mars could not be found.");
        var zones = neutron.get("/availability_zones", demo).json().get("availability_zones");
        assertThat(zones).singleElement().satisfies(z -> assertThat(z.get("name").asText()).isEqualTo("nova"));
        assertThat(neutron.get("/availability_zones?state=unavailable", demo).json().get("availability_zones")).isEmpty();
    }

    @Test
    void unauthenticatedIs401InKeystonesShape() {
        var r = neutron.get("/networks", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().at("/error/code").asInt()).isEqualTo(401);
        assertThat(Neutron.error(neutron.get("/nothing-here", demo), 404).get("type").asText()).isEqualTo("HTTPNotFound");
    }
}
