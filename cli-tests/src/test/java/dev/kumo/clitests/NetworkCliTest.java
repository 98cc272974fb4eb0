package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The network steps of the source documents (phase 1: networks, subnets, ports), driven by Debian's real
 * {@code openstack} CLI, with the negative cases their author ran into.
 */
@Tag("cli")
class NetworkCliTest {
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
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void publicNetworkAsTheSourceDocumentsMakeIt() {
        JsonNode net = admin.json("network", "show", "public");
        assertThat(net.get("router:external").asBoolean()).isTrue();
        assertThat(net.get("provider:network_type").asText()).isEqualTo("flat");
        assertThat(net.get("status").asText()).isEqualTo("ACTIVE");
        JsonNode subnet = admin.json("subnet", "show", "public_subnet");
        assertThat(subnet.get("allocation_pools").toString()).contains("192.168.1.50").contains("192.168.1.150");
        assertThat(subnet.get("dns_nameservers").toString()).contains("192.168.1.1");
        assertThat(subnet.get("enable_dhcp").asBoolean()).isFalse();
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("192.168.1.1");
        assertThat(demo.json("network", "list", "--external").findValuesAsText("Name")).contains("public");
    }

    @Test
    void privateNetworkSubnetAndPortsForDemo() {
        demo.json("network", "create", "private");
        JsonNode subnet = demo.json("subnet", "create", "--network", "private", "--subnet-range", "10.0.0.0/24",
                "--dns-nameserver", "8.8.8.8", "private_subnet");
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("10.0.0.1");
        JsonNode port = demo.json("port", "create", "--network", "private", "--fixed-ip", "subnet=private_subnet,ip-address=10.0.0.10",
                "vm-port");
        assertThat(port.get("fixed_ips").toString()).contains("10.0.0.10");
        assertThat(port.get("mac_address").asText()).startsWith("fa:16:3e:");
        assertThat(demo.json("port", "list", "--network", "private").findValuesAsText("Name")).contains("vm-port");
        demo.run("network", "set", "--name", "private2", "--description", "renamed", "private").ok();
        assertThat(demo.json("network", "show", "private2").get("description").asText()).isEqualTo("renamed");
        demo.run("port", "set", "--name", "vm-port-2", "vm-port").ok();
        assertThat(demo.run("subnet", "delete", "private_subnet").failed().stderr())
                .contains("One or more ports have an IP allocation from this subnet");
        demo.run("port", "delete", "vm-port-2").ok();
        demo.run("subnet", "delete", "private_subnet").ok();
        demo.run("network", "delete", "private2").ok();
        assertThat(demo.json("network", "list").findValuesAsText("Name")).doesNotContain("private2");
    }

    @Test
    void wrongGatewayAcceptedThenFixedWithSubnetSetGatewayAndPools() {
        demo.json("network", "create", "wrong");
        JsonNode subnet = demo.json("subnet", "create", "--network", "wrong", "--subnet-range", "10.0.10.0/24", "--gateway",
                "10.0.0.1", "wrong_subnet");
        assertThat(subnet.get("gateway_ip").asText()).isEqualTo("10.0.0.1");
        // as in Neutron and the source documents: the pools cover .1, so the gateway alone cannot move there
        assertThat(demo.run("subnet", "set", "--gateway", "10.0.10.1", "wrong_subnet").failed().stderr())
                .contains("Gateway ip 10.0.10.1 conflicts with allocation pool 10.0.10.1-10.0.10.254");
        demo.run("subnet", "set", "--gateway", "10.0.10.1", "--no-allocation-pool", "--allocation-pool",
                "start=10.0.10.2,end=10.0.10.254", "wrong_subnet").ok();
        JsonNode fixed = demo.json("subnet", "show", "wrong_subnet");
        assertThat(fixed.get("gateway_ip").asText()).isEqualTo("10.0.10.1");
        assertThat(fixed.get("allocation_pools").toString()).contains("10.0.10.2").doesNotContain("\"10.0.10.1\"");
    }

    @Test
    void negativeCasesSayWhatIsWrong() {
        demo.json("network", "create", "neg");
        assertThat(demo.run("subnet", "create", "--network", "neg", "--subnet-range", "10.1.0.0/24", "--gateway", "10.1.0.5",
                "--allocation-pool", "start=10.1.0.2,end=10.1.0.9", "bad").failed().stderr())
                .contains("Gateway ip 10.1.0.5 conflicts with allocation pool 10.1.0.2-10.1.0.9");
        demo.json("subnet", "create", "--network", "neg", "--subnet-range", "10.1.0.0/24", "neg_subnet");
        assertThat(demo.run("subnet", "create", "--network", "neg", "--subnet-range", "10.1.0.0/25", "overlap").failed()
                .stderr()).contains("overlaps with another subnet");
        assertThat(demo.run("subnet", "create", "--network", "neg", "--subnet-range", "10.1.0.0/33", "malformed").failed()
                .stderr()).contains("10.1.0.0/33");
        assertThat(demo.run("port", "create", "--network", "public", "straight-on-public").failed().stderr())
                .contains("It is not allowed to create an interface on external network");
        assertThat(demo.run("network", "create", "--share", "sharing").failed().stderr()).contains("disallowed by policy");
    }

    @Test
    void legacyNeutronCliSubnetCommandsOfTheSourceDocuments() {
        var neutron = OpenStackCli.legacy("neutron", cloud.stateDir().resolve("keystonerc_admin"));
        neutron.run("net-create", "legacy-net").ok();
        neutron.run("subnet-create", "--name", "legacy_subnet", "--enable_dhcp=False",
                "--allocation-pool=start=10.5.0.50,end=10.5.0.150", "--gateway=10.5.0.1", "legacy-net", "10.5.0.0/24",
                "--dns-nameservers", "list=true", "10.5.0.1").ok();
        JsonNode subnet = admin.json("subnet", "show", "legacy_subnet");
        assertThat(subnet.get("enable_dhcp").asBoolean()).isFalse();
        assertThat(subnet.get("dns_nameservers").toString()).contains("10.5.0.1");
        neutron.run("subnet-update", "legacy_subnet", "--gateway_ip", "10.5.0.254").ok();
        assertThat(admin.json("subnet", "show", "legacy_subnet").get("gateway_ip").asText()).isEqualTo("10.5.0.254");
        assertThat(neutron.run("net-list").ok().stdout()).contains("legacy-net");
    }
}
