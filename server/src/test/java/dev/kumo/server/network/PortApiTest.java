package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PortApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String admin;
    static String demo;
    static String net;
    static String subnet;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
        demo = cloud.demoToken();
        net = neutron.network(demo, "private");
        subnet = neutron.subnet(demo, net, "10.0.0.0/24");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void newPortGetsAnOpenStackMacAnAddressAndStaysDownUntilBound() {
        JsonNode p = neutron.port(demo, net, "\"name\": \"p\"");
        assertThat(p.get("mac_address").asText()).matches("fa:16:3e(:[0-9a-f]{2}){3}");
        assertThat(p.at("/fixed_ips/0/subnet_id").asText()).isEqualTo(subnet);
        assertThat(p.at("/fixed_ips/0/ip_address").asText()).startsWith("10.0.0.");
        assertThat(p.get("status").asText()).isEqualTo("DOWN");
        assertThat(p.get("admin_state_up").asBoolean()).isTrue();
        assertThat(p.get("security_groups")).as("the project's default group").hasSize(1);
        assertThat(p.get("port_security_enabled").asBoolean()).isTrue();
        assertThat(p.get("device_owner").asText()).isEmpty();
        assertThat(p.get("binding:vnic_type").asText()).isEqualTo("normal");
        assertThat(p.has("binding:host_id")).as("binding:host_id is admin-only").isFalse();
        String ip = p.at("/fixed_ips/0/ip_address").asText();
        assertThat(p.at("/dns_assignment/0/hostname").asText()).isEqualTo("host-" + ip.replace('.', '-'));
        assertThat(p.at("/dns_assignment/0/fqdn").asText()).isEqualTo("host-" + ip.replace('.', '-') + ".openstacklocal.");
        JsonNode asAdmin = neutron.get("/ports/" + p.get("id").asText(), admin).json().get("port");
        assertThat(asAdmin.get("binding:vif_type").asText()).isEqualTo("unbound");
        assertThat(asAdmin.get("binding:host_id").asText()).isEmpty();
    }

    @Test
    void boundPortIsActiveAsTheDriverReportsIt() {
        JsonNode p = neutron.create("port", admin, "\"network_id\": \"" + net + "\", \"binding:host_id\": \"compute-1\", "
                + "\"device_owner\": \"compute:nova\", \"device_id\": \"vm-1\"");
        assertThat(p.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(p.get("binding:vif_type").asText()).isEqualTo("tap");
        assertThat(p.at("/binding:vif_details/port_filter").asBoolean()).isTrue();
        String id = p.get("id").asText();
        var down = neutron.put("/ports/" + id, admin, "{\"port\": {\"admin_state_up\": false}}");
        assertThat(down.json().at("/port/status").asText()).isEqualTo("DOWN");
        var unbound = neutron.put("/ports/" + id, admin, "{\"port\": {\"admin_state_up\": true, \"binding:host_id\": \"\"}}");
        assertThat(unbound.json().at("/port/binding:vif_type").asText()).isEqualTo("unbound");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"binding:host_id\": \"h\"}}"), 403).get("message").asText())
                .isEqualTo("(rule:create_port:binding:host_id) is disallowed by policy.");
    }

    @Test
    void explicitAddressesAreValidated() {
        JsonNode p = neutron.port(demo, net, "\"fixed_ips\": [{\"subnet_id\": \"" + subnet + "\", \"ip_address\": \"10.0.0.200\"}]");
        assertThat(p.at("/fixed_ips/0/ip_address").asText()).isEqualTo("10.0.0.200");
        JsonNode taken = Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.0.0.200\"}]}}"), 409);
        assertThat(taken.get("type").asText()).isEqualTo("IpAddressAlreadyAllocated");
        assertThat(taken.get("message").asText()).isEqualTo("IP address 10.0.0.200 already allocated in subnet " + subnet);
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"fixed_ips\": [{\"subnet_id\": \"" + subnet + "\", \"ip_address\": \"10.9.0.5\"}]}}"), 400)
                .get("message").asText()).isEqualTo("IP address 10.9.0.5 is not a valid IP for the specified subnet.");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.9.0.5\"}]}}"), 400).get("type").asText())
                .isEqualTo("InvalidIpForNetwork");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.0.0.999\"}]}}"), 400).get("message").asText())
                .isEqualTo("Invalid input for fixed_ips. Reason: '10.0.0.999' is not a valid IP address.");
        assertThat(neutron.port(demo, net, "\"fixed_ips\": []").get("fixed_ips")).isEmpty();
    }

    @Test
    void macAddressesAreNormalisedAndUniquePerNetwork() {
        JsonNode p = neutron.port(demo, net, "\"mac_address\": \"FA-16-3E-12-34-56\"");
        assertThat(p.get("mac_address").asText()).isEqualTo("fa:16:3e:12:34:56");
        JsonNode inUse = Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"mac_address\": \"fa:16:3e:12:34:56\"}}"), 409);
        assertThat(inUse.get("type").asText()).isEqualTo("MacAddressInUse");
        assertThat(inUse.get("message").asText()).isEqualTo("Unable to complete operation for network " + net
                + ". The mac address fa:16:3e:12:34:56 is in use.");
        String other = neutron.network(demo, "other-mac");
        assertThat(neutron.port(demo, other, "\"mac_address\": \"fa:16:3e:12:34:56\"").get("mac_address").asText())
                .as("another network may reuse it").isEqualTo("fa:16:3e:12:34:56");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net
                + "\", \"mac_address\": \"fa:16:3e:12:34\"}}"), 400).get("message").asText())
                .isEqualTo("Invalid input for mac_address. Reason: 'fa:16:3e:12:34' is not a valid MAC address.");
    }

    @Test
    void fixedIpsCanBeAddedAndRemovedAndKeptAddressesStay() {
        String net2 = neutron.network(demo, "two-subnets");
        String s1 = neutron.subnet(demo, net2, "10.10.1.0/24");
        String s2 = neutron.subnet(demo, net2, "10.10.2.0/24");
        JsonNode p = neutron.port(demo, net2, "\"fixed_ips\": [{\"subnet_id\": \"" + s1 + "\"}, {\"subnet_id\": \"" + s2 + "\"}]");
        assertThat(p.get("fixed_ips")).hasSize(2);
        String first = p.at("/fixed_ips/0/ip_address").asText();
        String id = p.get("id").asText();
        var one = neutron.put("/ports/" + id, demo, "{\"port\": {\"fixed_ips\": [{\"subnet_id\": \"" + s1 + "\"}]}}");
        assertThat(one.json().at("/port/fixed_ips")).hasSize(1);
        assertThat(one.json().at("/port/fixed_ips/0/ip_address").asText()).isEqualTo(first);
        var two = neutron.put("/ports/" + id, demo, "{\"port\": {\"fixed_ips\": [{\"subnet_id\": \"" + s1
                + "\"}, {\"subnet_id\": \"" + s2 + "\"}]}}");
        assertThat(two.json().at("/port/fixed_ips")).hasSize(2);
    }

    @Test
    void portSecurityAndItsDependants() {
        JsonNode pairs = neutron.port(demo, net, "\"allowed_address_pairs\": [{\"ip_address\": \"10.0.0.0/24\"}]");
        assertThat(pairs.at("/allowed_address_pairs/0/mac_address").asText()).isEqualTo(pairs.get("mac_address").asText());
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net + "\", "
                + "\"port_security_enabled\": false, \"security_groups\": [\"sg1\"]}}"), 400).get("type").asText())
                .isEqualTo("PortSecurityAndIPRequiredForSecurityGroups");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net + "\", "
                + "\"port_security_enabled\": false, \"allowed_address_pairs\": [{\"ip_address\": \"10.0.0.9\"}]}}"), 409)
                .get("type").asText()).isEqualTo("AddressPairAndPortSecurityRequired");
        String sg1 = SecurityGroupApiTest.group(neutron, demo, "\"name\": \"sg1\"").get("id").asText();
        String sg2 = SecurityGroupApiTest.group(neutron, demo, "\"name\": \"sg2\"").get("id").asText();
        JsonNode grouped = neutron.port(demo, net, "\"security_groups\": [\"" + sg1 + "\", \"" + sg2 + "\", \"" + sg1 + "\"]");
        assertThat(grouped.get("security_groups").toString()).isEqualTo("[\"" + sg1 + "\",\"" + sg2 + "\"]");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + net + "\", "
                + "\"security_groups\": [\"no-such-group\"]}}"), 404).get("message").asText())
                .isEqualTo("Security group no-such-group does not exist");
        var off = neutron.put("/ports/" + grouped.get("id").asText(), demo, "{\"port\": {\"port_security_enabled\": false}}");
        assertThat(Neutron.error(off, 409).get("type").asText()).isEqualTo("PortSecurityPortHasSecurityGroup");
        var offAndCleared = neutron.put("/ports/" + grouped.get("id").asText(), demo,
                "{\"port\": {\"port_security_enabled\": false, \"security_groups\": []}}");
        assertThat(offAndCleared.json().at("/port/port_security_enabled").asBoolean()).isFalse();
    }

    @Test
    void nonAdminPortOnTheExternalNetworkIsRefusedWithTheReason() {
        String pub = neutron.create("network", admin, "\"name\": \"public\", \"router:external\": true").get("id").asText();
        neutron.subnet(admin, pub, "192.168.1.0/24", "\"enable_dhcp\": false");
        JsonNode error = Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + pub + "\"}}"), 403);
        assertThat(error.get("type").asText()).isEqualTo("ExternalNetworkAttachForbidden");
        assertThat(error.get("message").asText()).contains("external network " + pub)
                .contains("floating IP").contains("router");
        assertThat(neutron.port(admin, pub, "").at("/fixed_ips/0/ip_address").asText()).startsWith("192.168.1.");
    }

    @Test
    void networkOwnedAttributesNeedTheNetworksOwner() {
        String shared = neutron.create("network", admin, "\"shared\": true").get("id").asText();
        neutron.subnet(admin, shared, "10.30.0.0/24");
        JsonNode mine = neutron.port(demo, shared, "");
        assertThat(mine.get("project_id").asText()).isEqualTo(Neutron.projectOf(cloud, demo));
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + shared
                + "\", \"fixed_ips\": [{\"ip_address\": \"10.30.0.50\"}]}}"), 403).get("message").asText())
                .isEqualTo("(rule:create_port:fixed_ips:ip_address) is disallowed by policy.");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"" + shared
                + "\", \"device_owner\": \"network:dhcp\"}}"), 403).get("type").asText()).isEqualTo("PolicyNotAuthorized");
    }

    @Test
    void updateAndDelete() {
        JsonNode p = neutron.port(demo, net, "\"name\": \"before\"");
        String id = p.get("id").asText();
        var r = neutron.put("/ports/" + id, demo, "{\"port\": {\"name\": \"after\", \"device_id\": \"d\", "
                + "\"device_owner\": \"compute:nova\", \"dns_name\": \"web-1\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/port/name").asText()).isEqualTo("after");
        assertThat(r.json().at("/port/dns_assignment/0/hostname").asText()).isEqualTo("web-1");
        assertThat(Neutron.error(neutron.put("/ports/" + id, demo, "{\"port\": {\"network_id\": \"x\"}}"), 400)
                .get("message").asText()).isEqualTo("Cannot update read-only attribute network_id");
        assertThat(Neutron.error(neutron.put("/ports/" + id, demo, "{\"port\": {\"dns_name\": \"-bad-\"}}"), 400)
                .get("message").asText()).startsWith("Invalid input for dns_name.");
        assertThat(neutron.delete("/ports/" + id, demo).status()).isEqualTo(204);
        assertThat(Neutron.error(neutron.get("/ports/" + id, demo), 404).get("message").asText())
                .isEqualTo("Port " + id + " could not be found.");
        assertThat(Neutron.error(neutron.post("/ports", demo, "{\"port\": {\"network_id\": \"nope\"}}"), 404)
                .get("type").asText()).isEqualTo("NetworkNotFound");
    }
}
