package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Tags on routers and floating IPs, subnets from a subnet pool and floating IP port forwardings, through Debian's
 * real {@code openstack} CLI.
 */
@Tag("cli")
class NetworkTagsAndPoolsCliTest {
    static TestCloud cloud;
    static OpenStackCli admin;
    static OpenStackCli demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_admin"));
        demo = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_demo"));
        admin.json("network", "create", "--external", "public");
        admin.json("subnet", "create", "--network", "public", "--subnet-range", "192.168.1.0/24", "--no-dhcp",
                "public_subnet");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void routerSetTagAndFloatingIpCreateTag() {
        demo.json("router", "create", "tagged-router");
        demo.run("router", "set", "--tag", "blue", "--tag", "prod", "tagged-router").ok();
        assertThat(demo.json("router", "show", "tagged-router").get("tags").toString()).contains("blue").contains("prod");
        assertThat(demo.json("router", "list", "--tags", "blue").toString()).contains("tagged-router");
        assertThat(demo.json("router", "list", "--not-tags", "blue").toString()).doesNotContain("tagged-router");
        demo.run("router", "unset", "--tag", "blue", "tagged-router").ok();
        assertThat(demo.json("router", "show", "tagged-router").get("tags").toString()).doesNotContain("blue");
        JsonNode fip = demo.json("floating", "ip", "create", "--tag", "web", "public");
        String address = fip.get("floating_ip_address").asText();
        assertThat(demo.json("floating", "ip", "show", address).get("tags").toString()).contains("web");
        assertThat(demo.json("floating", "ip", "list", "--tags", "web").toString()).contains(address);
        demo.run("security", "group", "create", "--tag", "ops", "tagged-group").ok();
        assertThat(demo.json("security", "group", "show", "tagged-group").get("tags").toString()).contains("ops");
    }

    @Test
    void subnetFromAPoolByPrefixLength() {
        JsonNode pool = demo.json("subnet", "pool", "create", "--pool-prefix", "10.80.0.0/16", "--default-prefix-length",
                "24", "--max-prefix-length", "28", "--tag", "pool", "demo-pool");
        assertThat(pool.get("prefixes").toString()).contains("10.80.0.0/16");
        demo.json("network", "create", "pooled");
        JsonNode first = demo.json("subnet", "create", "--network", "pooled", "--subnet-pool", "demo-pool", "first");
        assertThat(first.get("cidr").asText()).isEqualTo("10.80.0.0/24");
        JsonNode second = demo.json("subnet", "create", "--network", "pooled", "--subnet-pool", "demo-pool",
                "--prefix-length", "28", "second");
        assertThat(second.get("cidr").asText()).isEqualTo("10.80.1.0/28");
        assertThat(demo.run("subnet", "create", "--network", "pooled", "--subnet-pool", "demo-pool", "--prefix-length",
                "29", "third").failed().stderr()).contains("maximum allowed prefix is 28");
        assertThat(demo.run("subnet", "pool", "delete", "demo-pool").failed().stderr())
                .contains("Subnet pool has existing allocations");
        demo.run("subnet", "pool", "set", "--name", "renamed-pool", "demo-pool").ok();
        assertThat(demo.json("subnet", "pool", "list").toString()).contains("renamed-pool");
    }

    @Test
    void floatingIpPortForwarding() {
        demo.json("network", "create", "pf-net");
        demo.json("subnet", "create", "--network", "pf-net", "--subnet-range", "10.0.5.0/24", "pf-subnet");
        demo.json("router", "create", "pf-router");
        demo.run("router", "set", "--external-gateway", "public", "pf-router").ok();
        demo.run("router", "add", "subnet", "pf-router", "pf-subnet").ok();
        JsonNode port = demo.json("port", "create", "--network", "pf-net", "pf-port");
        String internal = port.get("fixed_ips").toString().replaceAll(".*ip_address[^0-9]*([0-9.]+).*", "$1");
        String address = demo.json("floating", "ip", "create", "public").get("floating_ip_address").asText();
        JsonNode pf = demo.json("floating", "ip", "port", "forwarding", "create", "--internal-ip-address", internal,
                "--port", "pf-port", "--internal-protocol-port", "22", "--external-protocol-port", "2222", "--protocol",
                "tcp", address);
        assertThat(pf.get("internal_ip_address").asText()).isEqualTo(internal);
        assertThat(demo.json("floating", "ip", "port", "forwarding", "list", address).toString()).contains("2222");
        assertThat(demo.run("floating", "ip", "port", "forwarding", "create", "--internal-ip-address", internal,
                "--port", "pf-port", "--internal-protocol-port", "23", "--external-protocol-port", "2222", "--protocol",
                "tcp", address).failed().stderr()).contains("A duplicate port forwarding entry");
        demo.run("floating", "ip", "port", "forwarding", "delete", address, pf.get("id").asText()).ok();
        assertThat(demo.json("floating", "ip", "port", "forwarding", "list", address)).isEmpty();
    }
}
