package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * The network steps of the source documents, phase 2: router1 with its gateway on public and an interface on
 * private, ping and SSH rules on demo's default group, a floating IP on the VM's port, driven by Debian's real
 * {@code openstack} CLI, with the negative cases their author ran into.
 */
@Tag("cli")
class NetworkL3CliTest {
    static TestCloud cloud;
    static OpenStackCli admin;
    static OpenStackCli demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_admin"));
        demo = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_demo"));
        admin.json("network", "create", "--external", "--provider-network-type", "flat",
                "--provider-physical-network", "physnet1", "public");
        admin.json("subnet", "create", "--network", "public", "--subnet-range", "192.168.1.0/24", "--allocation-pool",
                "start=192.168.1.50,end=192.168.1.150", "--dns-nameserver", "192.168.1.1", "--no-dhcp", "--gateway",
                "192.168.1.1", "public_subnet");
        demo.json("network", "create", "private");
        demo.json("subnet", "create", "--network", "private", "--subnet-range", "10.0.0.0/24", "--dns-nameserver",
                "8.8.8.8", "private_subnet");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void router1SecurityRulesAndAFloatingIpAsInTheSourceDocuments() {
        demo.json("router", "create", "router1");
        demo.run("router", "set", "--external-gateway", "public", "router1").ok();
        demo.run("router", "add", "subnet", "router1", "private_subnet").ok();
        JsonNode router = demo.json("router", "show", "router1");
        assertThat(router.get("external_gateway_info").toString()).contains("192.168.1.");
        assertThat(router.get("status").asText()).isEqualTo("ACTIVE");
        demo.json("security", "group", "rule", "create", "--protocol", "icmp", "default");
        demo.json("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22", "default");
        assertThat(demo.run("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22", "default")
                .failed().stderr()).contains("Security group rule already exists");
        JsonNode rules = demo.json("security", "group", "rule", "list", "default");
        assertThat(rules.toString()).contains("icmp").contains("22:22");
        demo.json("port", "create", "--network", "private", "vm-port");
        JsonNode fip = demo.json("floating", "ip", "create", "public");
        String address = fip.get("floating_ip_address").asText();
        assertThat(address).startsWith("192.168.1.");
        demo.run("floating", "ip", "set", "--port", "vm-port", address).ok();
        JsonNode associated = demo.json("floating", "ip", "show", address);
        assertThat(associated.get("fixed_ip_address").asText()).startsWith("10.0.0.");
        assertThat(associated.get("router_id").asText()).isEqualTo(router.get("id").asText());
        assertThat(associated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(demo.json("port", "list").toString()).contains("vm-port").contains("10.0.0.1");
        assertThat(demo.run("router", "unset", "--external-gateway", "router1").failed().stderr())
                .contains("required by one or more floating IPs");
        demo.run("floating", "ip", "unset", "--port", address).ok();
        assertThat(demo.json("floating", "ip", "show", address).get("status").asText()).isEqualTo("DOWN");
        assertThat(demo.run("router", "delete", "router1").failed().stderr()).contains("still has ports");
    }

    @Test
    void asAdminTheNameDefaultIsAmbiguousAndAsDemoItIsNot() {
        demo.json("security", "group", "list");
        admin.json("security", "group", "list");
        assertThat(admin.run("security", "group", "rule", "create", "--protocol", "icmp", "default").failed().stderr())
                .contains("More than one SecurityGroup exists with the name 'default'");
        assertThat(demo.run("security", "group", "delete", "default").failed().stderr())
                .contains("Insufficient rights for removing default security group");
    }

    @Test
    void negativeCasesSayWhatIsWrong() {
        demo.json("network", "create", "wrong-gw");
        demo.json("subnet", "create", "--network", "wrong-gw", "--subnet-range", "192.168.60.0/24", "--gateway",
                "10.0.0.1", "wrong_gw_subnet");
        demo.json("router", "create", "r-neg");
        assertThat(demo.run("router", "add", "subnet", "r-neg", "wrong_gw_subnet").failed().stderr())
                .contains("IP address 10.0.0.1 is not a valid IP for the specified subnet")
                .contains("openstack subnet set --gateway 192.168.60.1");
        demo.json("network", "create", "overlap");
        demo.json("subnet", "create", "--network", "overlap", "--subnet-range", "192.168.60.0/25", "overlap_subnet");
        assertThat(demo.run("subnet", "set", "--gateway", "192.168.60.1", "wrong_gw_subnet").failed().stderr())
                .contains("Gateway ip 192.168.60.1 conflicts with allocation pool 192.168.60.1-192.168.60.254");
        // the hint's command, as printed
        demo.run("subnet", "set", "--gateway", "192.168.60.1", "--no-allocation-pool", "--allocation-pool",
                "start=192.168.60.2,end=192.168.60.254", "wrong_gw_subnet").ok();
        demo.run("router", "add", "subnet", "r-neg", "wrong_gw_subnet").ok();
        assertThat(demo.run("router", "add", "subnet", "r-neg", "overlap_subnet").failed().stderr())
                .contains("overlaps with cidr 192.168.60.0/24");
        assertThat(demo.run("subnet", "delete", "wrong_gw_subnet").failed().stderr())
                .contains("One or more ports have an IP allocation from this subnet");
        demo.json("network", "create", "lonely");
        demo.json("subnet", "create", "--network", "lonely", "--subnet-range", "10.60.0.0/24", "lonely_subnet");
        demo.json("port", "create", "--network", "lonely", "lonely-port");
        JsonNode fip = demo.json("floating", "ip", "create", "public");
        assertThat(demo.run("floating", "ip", "set", "--port", "lonely-port", fip.get("floating_ip_address").asText())
                .failed().stderr()).contains("is not reachable from subnet");
    }

    @Test
    void legacyNeutronCliRouterCommands() {
        var neutron = OpenStackCli.legacy("neutron", cloud.stateDir().resolve("keystonerc_demo"));
        neutron.run("router-create", "legacy-router").ok();
        neutron.run("router-gateway-set", "legacy-router", "public").ok();
        demo.json("network", "create", "legacy-private");
        demo.json("subnet", "create", "--network", "legacy-private", "--subnet-range", "10.70.0.0/24", "legacy_private_subnet");
        neutron.run("router-interface-add", "legacy-router", "legacy_private_subnet").ok();
        assertThat(neutron.run("router-port-list", "legacy-router").ok().stdout()).contains("10.70.0.1");
        assertThat(neutron.run("security-group-list").ok().stdout()).contains("default");
    }
}
