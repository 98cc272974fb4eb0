package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.core.network.agent.AgentHost;
import dev.kumo.core.network.agent.AgentKind;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agents extension: the host's four agents for admins, filters, updates, policy, and restarts. */
class AgentApiTest {
    private static final String HOST = AgentHost.local(Map.of()).name();
    private static final String TIME = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";

    TestCloud cloud;
    Neutron neutron;
    String admin;

    @BeforeEach
    void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    JsonNode agents(String query) {
        var r = neutron.get("/agents" + query, admin);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("agents");
    }

    static List<String> types(JsonNode agents) {
        List<String> out = new ArrayList<>();
        agents.forEach(a -> out.add(a.get("agent_type").asText()));
        return out;
    }

    @Test
    void adminsSeeTheFourAgentsOfTheHostAsNeutronRendersThem() {
        JsonNode agents = agents("");
        assertThat(types(agents)).containsExactly("DHCP agent", "L3 agent", "Linux bridge agent", "Metadata agent");
        JsonNode dhcp = agents.get(0);
        assertThat(dhcp.get("id").asText()).isEqualTo(AgentKind.DHCP.idOn(HOST));
        assertThat(dhcp.get("binary").asText()).isEqualTo("neutron-dhcp-agent");
        assertThat(dhcp.get("topic").asText()).isEqualTo("dhcp_agent");
        assertThat(dhcp.get("host").asText()).isEqualTo(HOST);
        assertThat(dhcp.get("availability_zone").asText()).isEqualTo("nova");
        assertThat(dhcp.get("alive").asBoolean()).as("the fake driver is operational").isTrue();
        assertThat(dhcp.get("admin_state_up").asBoolean()).isTrue();
        assertThat(dhcp.get("description").isNull()).isTrue();
        assertThat(dhcp.get("resources_synced").isNull()).isTrue();
        assertThat(dhcp.get("heartbeat_timestamp").asText()).matches(TIME);
        assertThat(dhcp.get("created_at").asText()).matches(TIME);
        assertThat(dhcp.get("started_at").asText()).matches(TIME);
        assertThat(dhcp.at("/configurations/dhcp_driver").asText()).isEqualTo("neutron.agent.linux.dhcp.Dnsmasq");
        JsonNode bridge = agents.get(2);
        assertThat(bridge.get("topic").asText()).isEqualTo("N/A");
        assertThat(bridge.get("availability_zone").isNull()).isTrue();
        assertThat(bridge.get("binary").asText()).isEqualTo("neutron-linuxbridge-agent");
        assertThat(bridge.at("/configurations/tunnel_types/0").asText()).isEqualTo("vxlan");
        assertThat(bridge.at("/configurations/bridge_mappings/physnet1").asText()).as("the answer file's default")
                .isEqualTo("br-ex");
        JsonNode shown = neutron.get("/agents/" + bridge.get("id").asText(), admin).json().get("agent");
        assertThat(shown.get("agent_type").asText()).isEqualTo("Linux bridge agent");
        assertThat(shown.get("created_at")).isEqualTo(bridge.get("created_at"));
    }

    @Test
    void listsFilterOnAnyAttributeAndShowOnlyTheFieldsAskedFor() {
        assertThat(types(agents("?agent_type=DHCP%20agent"))).containsExactly("DHCP agent");
        assertThat(types(agents("?agent_type=L3%20agent&agent_type=Metadata%20agent")))
                .containsExactly("L3 agent", "Metadata agent");
        assertThat(types(agents("?binary=neutron-l3-agent&host=" + HOST))).containsExactly("L3 agent");
        assertThat(agents("?host=some-other-host")).isEmpty();
        assertThat(agents("?alive=True")).hasSize(4);
        assertThat(agents("?alive=false")).isEmpty();
        assertThat(agents("?admin_state_up=false")).isEmpty();
        assertThat(agents("?no_such_attribute=x")).as("unknown filters are ignored").hasSize(4);
        assertThat(Neutron.error(neutron.get("/agents?alive=maybe", admin), 400).get("message").asText())
                .isEqualTo("Invalid input for alive. Reason: 'maybe' cannot be converted to boolean.");
        JsonNode narrow = agents("?fields=id&fields=alive&agent_type=L3%20agent").get(0);
        List<String> names = new ArrayList<>();
        narrow.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("id", "alive");
    }

    @Test
    void adminsChangeAdminStateAndDescriptionOnly() {
        String id = AgentKind.L3.idOn(HOST);
        var r = neutron.put("/agents/" + id, admin, "{\"agent\": {\"admin_state_up\": false, \"description\": \"rack 4\"}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().at("/agent/admin_state_up").asBoolean()).isFalse();
        assertThat(r.json().at("/agent/description").asText()).isEqualTo("rack 4");
        assertThat(types(agents("?admin_state_up=false"))).containsExactly("L3 agent");
        assertThat(types(agents("?description=rack%204"))).containsExactly("L3 agent");
        var cleared = neutron.put("/agents/" + id, admin, "{\"agent\": {\"description\": null}}");
        assertThat(cleared.json().at("/agent/description").isNull()).isTrue();
        assertThat(cleared.json().at("/agent/admin_state_up").asBoolean()).as("untouched").isFalse();
        assertThat(Neutron.error(neutron.put("/agents/" + id, admin, "{\"agent\": {\"host\": \"elsewhere\"}}"), 400)
                .get("message").asText()).isEqualTo("Cannot update read-only attribute host");
        assertThat(Neutron.error(neutron.put("/agents/" + id, admin, "{\"agent\": {\"colour\": \"red\"}}"), 400)
                .get("message").asText()).isEqualTo("Unrecognized attribute(s) 'colour'");
        assertThat(Neutron.error(neutron.put("/agents/" + id, admin,
                "{\"agent\": {\"description\": \"" + "x".repeat(256) + "\"}}"), 400).get("type").asText())
                .isEqualTo("HTTPBadRequest");
        var missing = neutron.put("/agents/00000000-0000-3000-8000-000000000000", admin, "{\"agent\": {\"description\": \"a\"}}");
        assertThat(Neutron.error(missing, 404).get("type").asText()).isEqualTo("AgentNotFound");
    }

    @Test
    void nonAdminsSeeNoAgentsAndCannotFindOne() {
        String demo = cloud.demoToken();
        String id = AgentKind.DHCP.idOn(HOST);
        var list = neutron.get("/agents", demo);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("agents")).isEmpty();
        assertThat(Neutron.error(neutron.get("/agents/" + id, demo), 404).get("message").asText())
                .isEqualTo("Agent " + id + " could not be found.");
        Neutron.error(neutron.put("/agents/" + id, demo, "{\"agent\": {\"description\": \"mine\"}}"), 404);
        Neutron.error(neutron.delete("/agents/" + id, demo), 404);
        assertThat(agents("?description=mine")).isEmpty();
        assertThat(agents("")).hasSize(4);
    }

    @Test
    void aChangedDescriptionAndIdsSurviveARestartAndADeletedAgentComesBack() {
        String l3 = AgentKind.L3.idOn(HOST);
        String metadata = AgentKind.METADATA.idOn(HOST);
        String createdAt = neutron.get("/agents/" + l3, admin).json().at("/agent/created_at").asText();
        neutron.put("/agents/" + l3, admin, "{\"agent\": {\"description\": \"kept\", \"admin_state_up\": false}}");
        assertThat(neutron.delete("/agents/" + metadata, admin).status()).isEqualTo(204);
        Neutron.error(neutron.get("/agents/" + metadata, admin), 404);
        assertThat(agents("")).hasSize(3);

        cloud.restart();

        JsonNode after = neutron.get("/agents/" + l3, admin).json().get("agent");
        assertThat(after.get("description").asText()).isEqualTo("kept");
        assertThat(after.get("admin_state_up").asBoolean()).isFalse();
        assertThat(after.get("created_at").asText()).isEqualTo(createdAt);
        assertThat(after.get("started_at").asText()).isGreaterThanOrEqualTo(createdAt);
        assertThat(neutron.get("/agents/" + metadata, admin).status()).as("registered again at start").isEqualTo(200);
        assertThat(agents("")).hasSize(4);
    }
}
