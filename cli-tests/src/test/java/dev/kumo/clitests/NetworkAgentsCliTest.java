package dev.kumo.clitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The operator's views of the network service with Debian's real {@code openstack} CLI: {@code network agent
 * list/show/set} and {@code ip availability list/show}, admin only, as on a Packstack host.
 */
@Tag("cli")
class NetworkAgentsCliTest {
    static TestCloud cloud;
    static OpenStackCli admin;
    static OpenStackCli demo;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        admin = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_admin"));
        demo = OpenStackCli.fromRcFile(cloud.stateDir().resolve("keystonerc_demo"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static List<String> column(JsonNode rows, String name) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get(name).isNull() ? "(null)" : r.get(name).asText()));
        return out;
    }

    @Test
    void agentListShowAndSetDescription() {
        JsonNode agents = admin.json("network", "agent", "list");
        assertThat(column(agents, "Agent Type"))
                .containsExactly("DHCP agent", "L3 agent", "Linux bridge agent", "Metadata agent");
        assertThat(column(agents, "Alive")).containsOnly("true");
        assertThat(column(agents, "State")).containsOnly("true");
        assertThat(column(agents, "Availability Zone")).containsExactly("nova", "nova", "(null)", "(null)");
        JsonNode dhcp = admin.json("network", "agent", "list", "--agent-type", "dhcp");
        assertThat(column(dhcp, "Binary")).containsExactly("neutron-dhcp-agent");
        String id = dhcp.get(0).get("ID").asText();
        String host = dhcp.get(0).get("Host").asText();
        assertThat(column(admin.json("network", "agent", "list", "--host", host), "ID")).hasSize(4).contains(id);

        admin.run("network", "agent", "set", "--description", "serves private", "--disable", id).ok();
        JsonNode shown = admin.json("network", "agent", "show", id);
        assertThat(shown.get("description").asText()).isEqualTo("serves private");
        assertThat(shown.get("admin_state_up").asBoolean()).isFalse();
        assertThat(shown.get("topic").asText()).isEqualTo("dhcp_agent");
        assertThat(shown.get("last_heartbeat_at").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        admin.run("network", "agent", "set", "--enable", id).ok();
        assertThat(admin.json("network", "agent", "show", id).get("admin_state_up").asBoolean()).isTrue();

        assertThat(demo.json("network", "agent", "list")).isEmpty();
        assertThat(demo.run("network", "agent", "show", id).failed().stderr()).contains("could not be found");
    }

    @Test
    void ipAvailabilityListAndShow() {
        admin.json("network", "create", "ipa");
        admin.json("subnet", "create", "--network", "ipa", "--subnet-range", "10.9.0.0/24", "--allocation-pool",
                "start=10.9.0.10,end=10.9.0.29", "--no-dhcp", "ipa-subnet");
        admin.json("port", "create", "--network", "ipa", "ipa-port");
        JsonNode list = admin.json("ip", "availability", "list");
        JsonNode row = null;
        for (JsonNode r : list) {
            if (r.get("Network Name").asText().equals("ipa")) {
                row = r;
            }
        }
        assertThat(row).as(list.toString()).isNotNull();
        assertThat(row.get("Total IPs").asLong()).isEqualTo(20);
        assertThat(row.get("Used IPs").asLong()).isEqualTo(1);
        JsonNode shown = admin.json("ip", "availability", "show", "ipa");
        assertThat(shown.get("network_name").asText()).isEqualTo("ipa");
        assertThat(shown.get("total_ips").asLong()).isEqualTo(20);
        assertThat(shown.get("subnet_ip_availability").toString()).contains("ipa-subnet").contains("10.9.0.0/24");
        assertThat(admin.json("ip", "availability", "list", "--ip-version", "6")).isEmpty();
        assertThat(demo.json("ip", "availability", "list")).isEmpty();
    }
}
