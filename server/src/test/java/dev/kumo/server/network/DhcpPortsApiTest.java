package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The {@code network:dhcp} port the service keeps per network, as Neutron's DHCP agent does. */
class DhcpPortsApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String demo;
    static String admin;

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

    private static List<JsonNode> dhcpPorts(String net) {
        List<JsonNode> out = new ArrayList<>();
        neutron.get("/ports?device_owner=network:dhcp&network_id=" + net, admin).json().get("ports").forEach(out::add);
        return out;
    }

    private static List<String> addresses(JsonNode port) {
        List<String> out = new ArrayList<>();
        port.get("fixed_ips").forEach(ip -> out.add(ip.get("ip_address").asText()));
        return out;
    }

    @Test
    void theFirstDhcpSubnetMakesThePortWhichTakesThePoolsFirstAddress() {
        String net = neutron.network(demo, "dhcp-first");
        assertThat(dhcpPorts(net)).as("no subnet, no DHCP port").isEmpty();
        neutron.subnet(demo, net, "10.60.0.0/24");
        JsonNode dhcp = dhcpPorts(net).getFirst();
        assertThat(dhcpPorts(net)).hasSize(1);
        assertThat(addresses(dhcp)).containsExactly("10.60.0.2");
        assertThat(dhcp.get("device_id").asText()).matches("dhcp[0-9a-f]{8}-[0-9a-f-]{27}-" + net);
        assertThat(dhcp.get("project_id").asText()).isEqualTo(Neutron.projectOf(cloud, demo));
        assertThat(dhcp.get("binding:host_id").asText()).as("bound to the host serving it").isNotEmpty();
        assertThat(dhcp.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(neutron.get("/ports?network_id=" + net, demo).json().get("ports")).as("the owner sees it").hasSize(1);

        JsonNode vm = neutron.port(demo, net, "\"device_owner\": \"compute:nova\"");
        assertThat(vm.at("/fixed_ips/0/ip_address").asText()).as("the first server gets the next one").isEqualTo("10.60.0.3");
        var taken = neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.60.0.2\"}]}}");
        assertThat(Neutron.error(taken, 409).get("type").asText()).as("the DHCP address is allocated")
                .isEqualTo("IpAddressAlreadyAllocated");
    }

    @Test
    void eachDhcpSubnetGivesThePortAnAddressAndTheLastOneTakesItAway() {
        String net = neutron.network(demo, "dhcp-many");
        String a = neutron.subnet(demo, net, "10.61.0.0/24");
        String b = neutron.subnet(demo, net, "10.61.1.0/24");
        neutron.subnet(demo, net, "10.61.2.0/24", "\"enable_dhcp\": false");
        String portId = dhcpPorts(net).getFirst().get("id").asText();
        assertThat(addresses(dhcpPorts(net).getFirst())).containsExactly("10.61.0.2", "10.61.1.2");

        assertThat(neutron.put("/subnets/" + a, demo, "{\"subnet\": {\"enable_dhcp\": false}}").status()).isEqualTo(200);
        assertThat(addresses(dhcpPorts(net).getFirst())).containsExactly("10.61.1.2");
        assertThat(neutron.put("/subnets/" + a, demo, "{\"subnet\": {\"enable_dhcp\": true}}").status()).isEqualTo(200);
        assertThat(addresses(dhcpPorts(net).getFirst())).containsExactlyInAnyOrder("10.61.0.2", "10.61.1.2");
        assertThat(dhcpPorts(net).getFirst().get("id").asText()).as("the same port throughout").isEqualTo(portId);

        assertThat(neutron.delete("/subnets/" + b, demo).status()).as("only the DHCP port holds it").isEqualTo(204);
        assertThat(addresses(dhcpPorts(net).getFirst())).containsExactly("10.61.0.2");
        assertThat(neutron.delete("/subnets/" + a, demo).status()).isEqualTo(204);
        assertThat(dhcpPorts(net)).as("no DHCP subnet left").isEmpty();
        assertThat(neutron.get("/ports/" + portId, admin).status()).isEqualTo(404);
    }

    @Test
    void deletingTheNetworkDeletesItsDhcpPort() {
        String net = neutron.network(demo, "dhcp-gone");
        neutron.subnet(demo, net, "10.62.0.0/24");
        String portId = dhcpPorts(net).getFirst().get("id").asText();
        assertThat(neutron.delete("/networks/" + net, demo).status()).isEqualTo(204);
        assertThat(neutron.get("/ports/" + portId, admin).status()).isEqualTo(404);
    }

    @Test
    void aGatewayMovedOntoTheDhcpAddressMovesTheDhcpPort() {
        // the source documents' mistake: a gateway outside the CIDR, so the pool starts at .1 and DHCP takes it
        String net = neutron.network(demo, "dhcp-gw");
        String s = neutron.subnet(demo, net, "10.63.0.0/24", "\"gateway_ip\": \"10.0.0.1\"");
        assertThat(addresses(dhcpPorts(net).getFirst())).containsExactly("10.63.0.1");
        var fixed = neutron.put("/subnets/" + s, demo, "{\"subnet\": {\"gateway_ip\": \"10.63.0.1\", "
                + "\"allocation_pools\": [{\"start\": \"10.63.0.2\", \"end\": \"10.63.0.254\"}]}}");
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        assertThat(addresses(dhcpPorts(net).getFirst())).containsExactly("10.63.0.2");
    }

    @Test
    void theDhcpPortIsNotRefusedByThePortQuota() {
        String other = neutron.otherProjectToken(admin, "dhcp-quota");
        neutron.put("/quotas/" + Neutron.projectOf(cloud, other), admin, "{\"quota\": {\"port\": 0}}");
        String net = neutron.network(other, "q");
        neutron.subnet(other, net, "10.64.0.0/24");
        assertThat(dhcpPorts(net)).hasSize(1);
    }
}
