package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scheduler hints on the emulated cloud's two compute hosts (compute-1, compute-2): with {@code group} members
 * join the group, the scheduler honours its policy, deleted servers leave it; same_host and different_host.
 */
class ServerGroupPlacementApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String demo;
    static String admin;
    static String demoProject;
    static String image;
    static String net;
    private final List<String> servers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        demo = cloud.demoToken();
        admin = cloud.adminToken();
        demoProject = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        image = nova.image(demo, "tiny-image", 96, 0, 1024);
        net = nova.network(demo, "private", "10.1.0.0/24");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @AfterEach
    void deleteServers() throws InterruptedException {
        servers.forEach(id -> nova.delete("/servers/" + id, demo));
        for (String id : servers) {
            nova.awaitGone(demo, id);
        }
    }

    private static String group(String version, String body) {
        var r = nova.post("/os-server-groups", demo, "{\"server_group\": " + body + "}", "OpenStack-API-Version",
                "compute " + version);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/server_group/id").asText();
    }

    private TestCloud.Response bootInto(String group, String name) {
        var r = nova.post("/servers", demo, "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + net + "\"}]}, "
                + "\"os:scheduler_hints\": {\"group\": \"" + group + "\"}}");
        if (r.status() == 202) {
            servers.add(r.json().at("/server/id").asText());
        }
        return r;
    }

    private String activeHost(String group, String name) throws InterruptedException {
        var r = bootInto(group, name);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().at("/server/id").asText();
        nova.await(demo, id, "ACTIVE");
        return nova.get("/servers/" + id, admin).json().at("/server/OS-EXT-SRV-ATTR:host").asText();
    }

    private static JsonNode members(String group) {
        return nova.get("/os-server-groups/" + group, demo).json().at("/server_group/members");
    }

    @Test
    void antiAffinitySpreadsMembersAndFailsTheOneTooManyWithTheReason() throws Exception {
        String g = group("2.1", "{\"name\": \"spread\", \"policies\": [\"anti-affinity\"]}");
        var hosts = new HashSet<String>();
        hosts.add(activeHost(g, "a1"));
        hosts.add(activeHost(g, "a2"));
        assertThat(hosts).containsExactlyInAnyOrder("compute-1", "compute-2");
        String third = bootInto(g, "a3").json().at("/server/id").asText();
        JsonNode failed = nova.await(demo, third, "ERROR");
        assertThat(failed.at("/fault/message").asText()).startsWith("No valid host was found.")
                .contains("anti-affinity");
        assertThat(members(g)).hasSize(3);
        nova.delete("/servers/" + third, demo);
        nova.awaitGone(demo, third);
        assertThat(members(g)).as("a deleted server leaves its group").hasSize(2);
        assertThat(members(g).toString()).doesNotContain(third);
    }

    @Test
    void aMultipleCreateJoinsTheGroupAndIsFoundByItsReservationId() throws Exception {
        String g = group("2.1", "{\"name\": \"pair\", \"policies\": [\"anti-affinity\"]}");
        var r = nova.post("/servers", demo, "{\"server\": {\"name\": \"multi\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + net + "\"}], \"min_count\": 2, "
                + "\"return_reservation_id\": true}, \"os:scheduler_hints\": {\"group\": \"" + g + "\"}}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String reservation = r.json().get("reservation_id").asText();
        JsonNode listed = nova.get("/servers/detail?reservation_id=" + reservation, demo).json().get("servers");
        assertThat(listed).hasSize(2);
        var hosts = new HashSet<String>();
        for (JsonNode s : listed) {
            servers.add(s.get("id").asText());
            nova.await(demo, s.get("id").asText(), "ACTIVE");
            hosts.add(nova.get("/servers/" + s.get("id").asText(), admin).json().at("/server/OS-EXT-SRV-ATTR:host").asText());
        }
        assertThat(hosts).hasSize(2);
        assertThat(members(g)).hasSize(2);
    }

    @Test
    void affinityKeepsEveryMemberOnTheFirstOnesHost() throws Exception {
        String g = group("2.1", "{\"name\": \"together\", \"policies\": [\"affinity\"]}");
        String first = activeHost(g, "f1");
        JsonNode shown = nova.get("/servers/" + servers.get(0), demo, "OpenStack-API-Version", "compute 2.71").json();
        assertThat(shown.at("/server/server_groups").toString()).as("2.71 shows the group").isEqualTo("[\"" + g + "\"]");
        assertThat(activeHost(g, "f2")).isEqualTo(first);
        assertThat(activeHost(g, "f3")).isEqualTo(first);
        assertThat(members(g)).hasSize(3);
    }

    @Test
    void maxServerPerHostLetsAntiAffinityPutThatManyOnAHost() throws Exception {
        String g = group("2.64", "{\"name\": \"pairs\", \"policy\": \"anti-affinity\", \"rules\": {\"max_server_per_host\": 2}}");
        var perHost = new java.util.HashMap<String, Integer>();
        for (int i = 0; i < 4; i++) {
            perHost.merge(activeHost(g, "p" + i), 1, Integer::sum);
        }
        assertThat(perHost).containsEntry("compute-1", 2).containsEntry("compute-2", 2);
        String fifth = bootInto(g, "p5").json().at("/server/id").asText();
        assertThat(nova.await(demo, fifth, "ERROR").at("/fault/message").asText()).contains("at most 2 per host");
    }

    @Test
    void softAntiAffinitySpreadsButNeverFails() throws Exception {
        String g = group("2.15", "{\"name\": \"soft\", \"policies\": [\"soft-anti-affinity\"]}");
        var hosts = new HashSet<String>();
        hosts.add(activeHost(g, "s1"));
        hosts.add(activeHost(g, "s2"));
        assertThat(hosts).hasSize(2);
        assertThat(activeHost(g, "s3")).isIn("compute-1", "compute-2");
    }

    @Test
    void softAffinityPrefersTheMembersHost() throws Exception {
        String g = group("2.15", "{\"name\": \"soft-together\", \"policies\": [\"soft-affinity\"]}");
        String first = activeHost(g, "t1");
        assertThat(activeHost(g, "t2")).isEqualTo(first);
    }

    @Test
    void anUnknownOrMalformedGroupIsABadRequestAndMemberQuotaIsEnforced() throws Exception {
        var unknown = Nova.fault(bootInto("6f1c4c0e-0000-4000-8000-000000000000", "u"), 400, "badRequest");
        assertThat(unknown.get("message").asText())
                .isEqualTo("Instance group 6f1c4c0e-0000-4000-8000-000000000000 could not be found.");
        Nova.fault(bootInto("not-a-uuid", "u"), 400, "badRequest");
        String g = group("2.1", "{\"name\": \"small\", \"policies\": [\"affinity\"]}");
        assertThat(nova.put("/os-quota-sets/" + demoProject, admin, "{\"quota_set\": {\"server_group_members\": 1}}")
                .status()).isEqualTo(200);
        try {
            activeHost(g, "m1");
            var over = Nova.fault(bootInto(g, "m2"), 403, "overLimit");
            assertThat(over.get("message").asText()).isEqualTo("Quota exceeded, too many servers in group");
            assertThat(members(g)).hasSize(1);
        } finally {
            cloud.send("DELETE", nova.url("/os-quota-sets/" + demoProject), admin, null);
        }
    }

    @Test
    void anotherProjectsGroupCannotBeHinted() {
        var r = nova.post("/os-server-groups", admin, "{\"server_group\": {\"name\": \"admins\", \"policies\": [\"affinity\"]}}");
        String g = r.json().at("/server_group/id").asText();
        Nova.fault(bootInto(g, "x"), 400, "badRequest");
        nova.delete("/os-server-groups/" + g, admin);
    }

    private String activeWithHints(String name, String hints) throws InterruptedException {
        var r = nova.post("/servers", demo, "{\"server\": {\"name\": \"" + name + "\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": [{\"uuid\": \"" + net + "\"}]}, "
                + "\"os:scheduler_hints\": " + hints + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().at("/server/id").asText();
        servers.add(id);
        nova.await(demo, id, "ACTIVE");
        return nova.get("/servers/" + id, admin).json().at("/server/OS-EXT-SRV-ATTR:host").asText();
    }

    @Test
    void sameHostAndDifferentHostHintsPlaceBesideOrAwayFromTheNamedServers() throws Exception {
        String first = activeWithHints("h1", "{}");
        String a = servers.get(0);
        String other = activeWithHints("h2", "{\"different_host\": \"" + a + "\"}");
        assertThat(other).isNotEqualTo(first);
        assertThat(activeWithHints("h3", "{\"same_host\": [\"" + a + "\"]}")).isEqualTo(first);
        assertThat(activeWithHints("h4", "{\"different_host\": [\"" + a + "\"]}")).isEqualTo(other);
        var bad = nova.post("/servers", demo, "{\"server\": {\"name\": \"bad\", \"imageRef\": \"" + image
                + "\", \"flavorRef\": \"1\", \"networks\": \"none\"}, \"os:scheduler_hints\": {\"same_host\": \"x\"}}");
        Nova.fault(bad, 400, "badRequest");
    }
}
