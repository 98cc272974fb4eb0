package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routers: gateways on external networks, interfaces by subnet and by port, routes, and their refusals. */
class RouterApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String admin;
    static String demo;
    static String publicNet;
    static String publicSubnet;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
        publicNet = neutron.create("network", admin, "\"name\": \"public\", \"router:external\": true, "
                + "\"provider:network_type\": \"flat\", \"provider:physical_network\": \"physnet1\"").get("id").asText();
        publicSubnet = neutron.subnet(admin, publicNet, "172.24.4.0/24", "\"enable_dhcp\": false, "
                + "\"allocation_pools\": [{\"start\": \"172.24.4.10\", \"end\": \"172.24.4.20\"}]");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    JsonNode router(String token, String fields) {
        return neutron.create("router", token, fields);
    }

    String gateway() {
        return "\"external_gateway_info\": {\"network_id\": \"" + publicNet + "\"}";
    }

    @Test
    void gatewayTakesAnAddressOnTheExternalNetworkAndSnatIsOnByDefault() {
        JsonNode r = router(demo, "\"name\": \"router1\", " + gateway());
        assertThat(r.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(r.at("/external_gateway_info/network_id").asText()).isEqualTo(publicNet);
        assertThat(r.at("/external_gateway_info/enable_snat").asBoolean()).isTrue();
        assertThat(r.at("/external_gateway_info/external_fixed_ips/0/subnet_id").asText()).isEqualTo(publicSubnet);
        assertThat(r.at("/external_gateway_info/external_fixed_ips/0/ip_address").asText()).startsWith("172.24.4.");
        assertThat(r.has("distributed")).as("admin-only attribute").isFalse();
        String id = r.get("id").asText();
        JsonNode ports = neutron.get("/ports?device_id=" + id, admin).json().get("ports");
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).get("device_owner").asText()).isEqualTo("network:router_gateway");
        JsonNode cleared = neutron.put("/routers/" + id, demo, "{\"router\": {\"external_gateway_info\": {}}}").json();
        assertThat(cleared.at("/router/external_gateway_info").isNull()).isTrue();
        assertThat(neutron.get("/ports?device_id=" + id, admin).json().get("ports")).isEmpty();
        assertThat(neutron.delete("/routers/" + id, demo).status()).isEqualTo(204);
        assertThat(neutron.get("/routers/" + id, demo).status()).isEqualTo(404);
    }

    @Test
    void snatAndFixedGatewayAddressesAreForAdminsAndTheNetworkMustBeExternal() {
        var snat = neutron.post("/routers", demo, "{\"router\": {\"external_gateway_info\": {\"network_id\": \""
                + publicNet + "\", \"enable_snat\": false}}}");
        assertThat(Neutron.error(snat, 403).get("message").asText())
                .isEqualTo("(rule:create_router:external_gateway_info:enable_snat) is disallowed by policy.");
        JsonNode fixed = router(admin, "\"external_gateway_info\": {\"network_id\": \"" + publicNet + "\", "
                + "\"enable_snat\": false, \"external_fixed_ips\": [{\"ip_address\": \"172.24.4.15\"}]}");
        assertThat(fixed.at("/external_gateway_info/external_fixed_ips/0/ip_address").asText()).isEqualTo("172.24.4.15");
        assertThat(fixed.at("/external_gateway_info/enable_snat").asBoolean()).isFalse();
        assertThat(fixed.get("distributed").asBoolean()).isFalse();
        String privateNet = neutron.network(demo, "not-external");
        var internal = neutron.post("/routers", demo, "{\"router\": {\"external_gateway_info\": {\"network_id\": \""
                + privateNet + "\"}}}");
        assertThat(Neutron.error(internal, 400).get("message").asText())
                .isEqualTo("Bad router request: Network " + privateNet + " is not an external network.");
        assertThat(Neutron.error(neutron.post("/routers", demo, "{\"router\": {\"ha\": true}}"), 403)
                .get("message").asText()).isEqualTo("(rule:create_router:ha) is disallowed by policy.");
        JsonNode dvr = router(admin, "\"distributed\": true, \"ha\": true");
        assertThat(dvr.get("distributed").asBoolean() && dvr.get("ha").asBoolean()).isTrue();
    }

    @Test
    void interfaceOnASubnetTakesItsGatewayAndBlocksDeletes() {
        String net = neutron.network(demo, "private");
        String subnet = neutron.subnet(demo, net, "10.1.0.0/24");
        String id = router(demo, "\"name\": \"r-if\", " + gateway()).get("id").asText();
        var added = neutron.put("/routers/" + id + "/add_router_interface", demo, "{\"subnet_id\": \"" + subnet + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("subnet_id").asText()).isEqualTo(subnet);
        assertThat(added.json().get("id").asText()).isEqualTo(id);
        String port = added.json().get("port_id").asText();
        JsonNode p = neutron.get("/ports/" + port, demo).json().get("port");
        assertThat(p.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.1.0.1");
        assertThat(p.get("device_owner").asText()).isEqualTo("network:router_interface");
        assertThat(p.get("device_id").asText()).isEqualTo(id);
        var again = neutron.put("/routers/" + id + "/add_router_interface", demo, "{\"subnet_id\": \"" + subnet + "\"}");
        assertThat(Neutron.error(again, 400).get("message").asText())
                .isEqualTo("Bad router request: Router already has a port on subnet " + subnet + ".");
        assertThat(Neutron.error(neutron.delete("/routers/" + id, demo), 409).get("message").asText())
                .isEqualTo("Router " + id + " still has ports");
        assertThat(Neutron.error(neutron.delete("/subnets/" + subnet, demo), 409).get("type").asText())
                .isEqualTo("SubnetInUse");
        assertThat(Neutron.error(neutron.delete("/networks/" + net, demo), 409).get("type").asText())
                .isEqualTo("NetworkInUse");
        assertThat(Neutron.error(neutron.delete("/ports/" + port, demo), 409).get("type").asText())
                .isEqualTo("ServicePortInUse");
        var removed = neutron.put("/routers/" + id + "/remove_router_interface", demo, "{\"subnet_id\": \"" + subnet + "\"}");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().get("port_id").asText()).isEqualTo(port);
        assertThat(neutron.get("/ports/" + port, demo).status()).isEqualTo(404);
        var gone = neutron.put("/routers/" + id + "/remove_router_interface", demo, "{\"subnet_id\": \"" + subnet + "\"}");
        assertThat(Neutron.error(gone, 404).get("message").asText())
                .isEqualTo("Router " + id + " has no interface on subnet " + subnet);
        assertThat(neutron.delete("/routers/" + id, demo).status()).isEqualTo(204);
        assertThat(neutron.delete("/networks/" + net, demo).status()).isEqualTo(204);
    }

    @Test
    void gatewayOutsideTheCidrIsRefusedWithAHint() {
        String net = neutron.network(demo, "bad-gw");
        String subnet = neutron.subnet(demo, net, "192.168.50.0/24", "\"gateway_ip\": \"10.0.0.1\"");
        String id = router(demo, "\"name\": \"r-bad\"").get("id").asText();
        var r = neutron.put("/routers/" + id + "/add_router_interface", demo, "{\"subnet_id\": \"" + subnet + "\"}");
        String message = Neutron.error(r, 400).get("message").asText();
        assertThat(message).startsWith("IP address 10.0.0.1 is not a valid IP for the specified subnet.")
                .contains("192.168.50.0/24").contains("openstack subnet set --gateway 192.168.50.1 --no-allocation-pool "
                        + "--allocation-pool start=192.168.50.2,end=192.168.50.254 " + subnet);
        String noGateway = neutron.subnet(demo, neutron.network(demo, "no-gw"), "192.168.51.0/24", "\"gateway_ip\": null");
        var none = neutron.put("/routers/" + id + "/add_router_interface", demo, "{\"subnet_id\": \"" + noGateway + "\"}");
        assertThat(Neutron.error(none, 400).get("message").asText())
                .isEqualTo("Bad router request: Subnet for router interface must have a gateway IP.");
    }

    @Test
    void overlappingSubnetsCannotShareARouter() {
        String a = neutron.subnet(demo, neutron.network(demo, "ov-a"), "10.9.0.0/24");
        String b = neutron.subnet(demo, neutron.network(demo, "ov-b"), "10.9.0.0/25");
        String id = router(demo, "\"name\": \"r-ov\"").get("id").asText();
        assertThat(neutron.put("/routers/" + id + "/add_router_interface", demo, "{\"subnet_id\": \"" + a + "\"}")
                .status()).isEqualTo(200);
        var r = neutron.put("/routers/" + id + "/add_router_interface", demo, "{\"subnet_id\": \"" + b + "\"}");
        assertThat(Neutron.error(r, 400).get("message").asText()).isEqualTo("Bad router request: Cidr 10.9.0.0/25 of "
                + "subnet " + b + " overlaps with cidr 10.9.0.0/24 of subnet " + a + ".");
    }

    @Test
    void interfaceByPortAdoptsAnUnusedPortAndRoutesNeedAnAttachedNextHop() {
        String net = neutron.network(demo, "by-port");
        neutron.subnet(demo, net, "10.2.0.0/24");
        String port = neutron.port(demo, net, "\"fixed_ips\": [{\"ip_address\": \"10.2.0.5\"}]").get("id").asText();
        String id = router(demo, "\"name\": \"r-port\"").get("id").asText();
        var added = neutron.put("/routers/" + id + "/add_router_interface", demo, "{\"port_id\": \"" + port + "\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(neutron.get("/ports/" + port, demo).json().at("/port/device_owner").asText())
                .isEqualTo("network:router_interface");
        String other = router(demo, "\"name\": \"r-other\"").get("id").asText();
        var taken = neutron.put("/routers/" + other + "/add_router_interface", demo, "{\"port_id\": \"" + port + "\"}");
        assertThat(Neutron.error(taken, 409).get("type").asText()).isEqualTo("PortInUse");
        var unreachable = neutron.put("/routers/" + id, demo, "{\"router\": {\"routes\": [{\"destination\": "
                + "\"192.168.0.0/16\", \"nexthop\": \"10.3.0.9\"}]}}");
        assertThat(Neutron.error(unreachable, 400).get("message").asText()).contains("the nexthop is not connected with router");
        var routed = neutron.put("/routers/" + id, demo, "{\"router\": {\"routes\": [{\"destination\": "
                + "\"192.168.0.0/16\", \"nexthop\": \"10.2.0.9\"}]}}");
        assertThat(routed.json().at("/router/routes/0/nexthop").asText()).as(routed.toString()).isEqualTo("10.2.0.9");
        var needed = neutron.put("/routers/" + id + "/remove_router_interface", demo, "{\"port_id\": \"" + port + "\"}");
        assertThat(Neutron.error(needed, 409).get("type").asText()).isEqualTo("RouterInterfaceInUseByRoute");
    }

    @Test
    void routersArePrivateToTheirProjectAndCounted() {
        String id = router(admin, "\"name\": \"admins\"").get("id").asText();
        assertThat(neutron.get("/routers/" + id, demo).status()).isEqualTo(404);
        assertThat(neutron.get("/routers", demo).json().get("routers")).noneSatisfy(r ->
                assertThat(r.get("id").asText()).isEqualTo(id));
        assertThat(neutron.get("/routers?name=admins", admin).json().get("routers")).hasSize(1);
        String other = neutron.otherProjectToken(admin, "router-quota");
        neutron.put("/quotas/" + Neutron.projectOf(cloud, other), admin, "{\"quota\": {\"router\": 1}}");
        router(other, "\"name\": \"one\"");
        assertThat(Neutron.error(neutron.post("/routers", other, "{\"router\": {}}"), 409).get("message").asText())
                .isEqualTo("Quota exceeded for resources: ['router'].");
    }
}
