package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Security groups and rules: the default group, rule validation with Neutron's wording, ports' groups. */
class SecurityGroupApiTest {
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

    static JsonNode defaultGroup(String token) {
        JsonNode groups = neutron.get("/security-groups?name=default", token).json().get("security_groups");
        assertThat(groups).hasSize(1);
        return groups.get(0);
    }

    static JsonNode group(Neutron n, String token, String fields) {
        var r = n.post("/security-groups", token, "{\"security_group\": {" + fields + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("security_group");
    }

    JsonNode rule(String token, String group, String fields) {
        var r = neutron.post("/security-group-rules", token, "{\"security_group_rule\": {\"security_group_id\": \""
                + group + "\"" + (fields.isEmpty() ? "" : ", " + fields) + "}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("security_group_rule");
    }

    TestCloud.Response badRule(String group, String fields) {
        return neutron.post("/security-group-rules", demo, "{\"security_group_rule\": {\"security_group_id\": \""
                + group + "\", " + fields + "}}");
    }

    @Test
    void theDefaultGroupIsMadeOnFirstUseWithNeutronsFourRulesAndCannotBeDeleted() {
        JsonNode group = defaultGroup(demo);
        String id = group.get("id").asText();
        assertThat(defaultGroup(demo).get("id").asText()).as("made once").isEqualTo(id);
        assertThat(group.get("stateful").asBoolean()).isTrue();
        List<String> rules = new ArrayList<>();
        group.get("security_group_rules").forEach(r -> rules.add(r.get("direction").asText() + " "
                + r.get("ethertype").asText() + " " + (r.get("remote_group_id").isNull() ? "any" : r.get("remote_group_id").asText())));
        assertThat(rules).containsExactlyInAnyOrder("egress IPv4 any", "egress IPv6 any", "ingress IPv4 " + id,
                "ingress IPv6 " + id);
        assertThat(Neutron.error(neutron.delete("/security-groups/" + id, demo), 409).get("type").asText())
                .isEqualTo("SecurityGroupCannotRemoveDefault");
        assertThat(Neutron.error(neutron.post("/security-groups", demo, "{\"security_group\": {\"name\": \"default\"}}"),
                409).get("type").asText()).isEqualTo("SecurityGroupDefaultAlreadyExists");
        assertThat(Neutron.error(neutron.put("/security-groups/" + id, demo, "{\"security_group\": {\"name\": \"x\"}}"),
                409).get("type").asText()).isEqualTo("SecurityGroupCannotUpdateDefault");
        assertThat(neutron.get("/security-groups/" + id, admin).status()).as("admin sees all").isEqualTo(200);
        assertThat(neutron.get("/security-groups/" + id, neutron.otherProjectToken(admin, "sg-other")).status())
                .as("never leaks").isEqualTo(404);
    }

    @Test
    void rulesForPingAndSshAsInTheSourceDocumentsAndDuplicatesAre409() {
        String group = defaultGroup(demo).get("id").asText();
        JsonNode icmp = rule(demo, group, "\"direction\": \"ingress\", \"protocol\": \"icmp\", "
                + "\"remote_ip_prefix\": \"0.0.0.0/0\"");
        assertThat(icmp.get("protocol").asText()).isEqualTo("icmp");
        assertThat(icmp.get("ethertype").asText()).isEqualTo("IPv4");
        assertThat(icmp.get("port_range_min").isNull()).isTrue();
        JsonNode ssh = rule(demo, group, "\"direction\": \"ingress\", \"protocol\": \"tcp\", \"port_range_min\": 22, "
                + "\"port_range_max\": 22, \"remote_ip_prefix\": \"0.0.0.0/0\"");
        assertThat(ssh.get("port_range_min").asInt()).isEqualTo(22);
        var duplicate = badRule(group, "\"direction\": \"ingress\", \"protocol\": \"tcp\", \"port_range_min\": 22, "
                + "\"port_range_max\": 22, \"remote_ip_prefix\": \"0.0.0.0/0\"");
        assertThat(Neutron.error(duplicate, 409).get("message").asText())
                .isEqualTo("Security group rule already exists. Rule id is " + ssh.get("id").asText() + ".");
        assertThat(neutron.get("/security-groups/" + group, demo).json().at("/security_group/security_group_rules"))
                .hasSize(6);
        assertThat(neutron.get("/security-group-rules?protocol=tcp&security_group_id=" + group, demo).json()
                .get("security_group_rules")).hasSize(1);
        assertThat(neutron.delete("/security-group-rules/" + ssh.get("id").asText(), demo).status()).isEqualTo(204);
        assertThat(neutron.get("/security-group-rules/" + ssh.get("id").asText(), demo).status()).isEqualTo(404);
    }

    @Test
    void ruleValidationUsesNeutronsWording() {
        String group = group(neutron, demo, "\"name\": \"web\"").get("id").asText();
        assertThat(Neutron.error(badRule(group, "\"direction\": \"ingress\", \"protocol\": \"tcp\", "
                + "\"port_range_min\": 90, \"port_range_max\": 80"), 400).get("message").asText())
                .isEqualTo("For TCP/UDP protocols, port_range_min must be <= port_range_max");
        assertThat(Neutron.error(badRule(group, "\"direction\": \"ingress\", \"protocol\": \"tcp\", "
                + "\"port_range_max\": 6"), 400).get("message").asText()).contains("port_range_min must be <= port_range_max");
        assertThat(Neutron.error(neutron.put("/security-groups/" + group, demo, "{\"security_group\": {\"name\": "
                + "\"default\"}}"), 409).get("type").asText()).isEqualTo("SecurityGroupDefaultAlreadyExists");
        assertThat(Neutron.error(badRule(group, "\"direction\": \"ingress\", \"port_range_min\": 80"), 400)
                .get("message").asText()).isEqualTo("Must also specify protocol if port range is given.");
        assertThat(Neutron.error(badRule(group, "\"direction\": \"ingress\", \"protocol\": \"icmp\", "
                + "\"port_range_max\": 0"), 400).get("type").asText()).isEqualTo("SecurityGroupMissingIcmpType");
        assertThat(Neutron.error(badRule(group, "\"direction\": \"ingress\", \"protocol\": \"bogus\""), 400)
                .get("type").asText()).isEqualTo("SecurityGroupRuleInvalidProtocol");
        assertThat(Neutron.error(badRule(group, "\"direction\": \"ingress\", \"remote_ip_prefix\": \"10.0.0.0/8\", "
                + "\"remote_group_id\": \"" + group + "\""), 400).get("message").asText())
                .isEqualTo("Only remote_ip_prefix or remote_group_id may be provided.");
        assertThat(Neutron.error(badRule(group, "\"direction\": \"ingress\", \"ethertype\": \"IPv6\", "
                + "\"remote_ip_prefix\": \"10.0.0.0/8\""), 400).get("message").asText()).contains("Conflicting value ethertype");
        assertThat(Neutron.error(badRule(group, "\"direction\": \"sideways\""), 400).get("message").asText())
                .contains("direction");
        JsonNode numbered = rule(demo, group, "\"direction\": \"ingress\", \"protocol\": \"6\", \"port_range_min\": 80, "
                + "\"port_range_max\": 80, \"remote_ip_prefix\": \"192.168.1.7/24\"");
        assertThat(numbered.get("remote_ip_prefix").asText()).isEqualTo("192.168.1.0/24");
        JsonNode icmpType = rule(demo, group, "\"direction\": \"ingress\", \"protocol\": \"icmp\", "
                + "\"port_range_min\": 8, \"port_range_max\": 0, \"ethertype\": \"IPv4\"");
        assertThat(icmpType.get("port_range_min").asInt()).isEqualTo(8);
        assertThat(rule(demo, group, "\"direction\": \"ingress\", \"remote_group_id\": \"" + group + "\"")
                .get("remote_group_id").asText()).isEqualTo(group);
    }

    @Test
    void portsGetTheDefaultGroupAndAGroupInUseCannotGo() {
        String net = neutron.network(demo, "sg-net");
        neutron.subnet(demo, net, "10.7.0.0/24");
        String defaultId = defaultGroup(demo).get("id").asText();
        JsonNode port = neutron.port(demo, net, "");
        assertThat(port.get("security_groups").toString()).isEqualTo("[\"" + defaultId + "\"]");
        JsonNode web = group(neutron, demo, "\"name\": \"in-use\", \"stateful\": false");
        assertThat(web.get("stateful").asBoolean()).isFalse();
        assertThat(web.get("security_group_rules")).as("Neutron's two egress rules").hasSize(2);
        String webId = web.get("id").asText();
        var set = neutron.put("/ports/" + port.get("id").asText(), demo, "{\"port\": {\"security_groups\": [\"" + webId + "\"]}}");
        assertThat(set.json().at("/port/security_groups/0").asText()).isEqualTo(webId);
        assertThat(Neutron.error(neutron.delete("/security-groups/" + webId, demo), 409).get("message").asText())
                .isEqualTo("Security Group " + webId + " in use.");
        assertThat(neutron.delete("/ports/" + port.get("id").asText(), demo).status()).isEqualTo(204);
        assertThat(neutron.delete("/security-groups/" + webId, demo).status()).isEqualTo(204);
    }

    @Test
    void groupsAndRulesHaveQuotas() {
        String other = neutron.otherProjectToken(admin, "sg-quota");
        String project = Neutron.projectOf(cloud, other);
        neutron.put("/quotas/" + project, admin, "{\"quota\": {\"security_group\": 2, \"security_group_rule\": 6}}");
        group(neutron, other, "\"name\": \"one\"");
        assertThat(Neutron.error(neutron.post("/security-groups", other, "{\"security_group\": {\"name\": \"two\"}}"),
                409).get("message").asText()).isEqualTo("Quota exceeded for resources: ['security_group'].");
        String group = defaultGroup(other).get("id").asText();
        // the default group's four rules and the two egress rules of "one" make six
        var r = neutron.post("/security-group-rules", other, "{\"security_group_rule\": {\"security_group_id\": \""
                + group + "\", \"direction\": \"ingress\", \"protocol\": \"udp\"}}");
        assertThat(Neutron.error(r, 409).get("message").asText())
                .isEqualTo("Quota exceeded for resources: ['security_group_rule'].");
    }
}
