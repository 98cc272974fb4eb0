package dev.kumo.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuotaApiTest {
    static TestCloud cloud;
    static Neutron neutron;
    static String admin;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        neutron = new Neutron(cloud);
        admin = cloud.adminToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void defaultsOverridesListAndReset() {
        String other = neutron.otherProjectToken(admin, "quota-a");
        String project = Neutron.projectOf(cloud, other);
        JsonNode defaults = neutron.get("/quotas/" + project + "/default", admin).json().get("quota");
        assertThat(defaults.toString()).isEqualTo("{\"network\":100,\"subnet\":100,\"port\":500,\"router\":10,\"floatingip\":50,\"security_group\":10,\"security_group_rule\":100}");
        var set = neutron.put("/quotas/" + project, admin, "{\"quota\": {\"network\": 0, \"port\": 7}}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("quota").toString()).isEqualTo("{\"network\":0,\"subnet\":100,\"port\":7,\"router\":10,\"floatingip\":50,\"security_group\":10,\"security_group_rule\":100}");
        assertThat(neutron.get("/quotas/" + project, other).json().get("quota").toString())
                .as("a project sees its own").isEqualTo("{\"network\":0,\"subnet\":100,\"port\":7,\"router\":10,\"floatingip\":50,\"security_group\":10,\"security_group_rule\":100}");
        JsonNode listed = neutron.get("/quotas", admin).json().get("quotas");
        assertThat(listed).anySatisfy(q -> {
            assertThat(q.get("project_id").asText()).isEqualTo(project);
            assertThat(q.get("tenant_id").asText()).isEqualTo(project);
            assertThat(q.get("port").asInt()).isEqualTo(7);
        });
        assertThat(neutron.delete("/quotas/" + project, admin).status()).isEqualTo(204);
        assertThat(neutron.get("/quotas", admin).json().get("quotas")).noneSatisfy(q ->
                assertThat(q.get("project_id").asText()).isEqualTo(project));
        assertThat(neutron.get("/quotas/" + project, admin).json().get("quota")).isEqualTo(defaults);
    }

    @Test
    void overQuotaIs409ForEachResource() {
        String other = neutron.otherProjectToken(admin, "quota-b");
        String project = Neutron.projectOf(cloud, other);
        neutron.put("/quotas/" + project, admin, "{\"quota\": {\"network\": 1, \"subnet\": 1, \"port\": 1}}");
        String net = neutron.network(other, "only");
        JsonNode error = Neutron.error(neutron.post("/networks", other, "{\"network\": {}}"), 409);
        assertThat(error.get("type").asText()).isEqualTo("OverQuota");
        assertThat(error.get("message").asText()).isEqualTo("Quota exceeded for resources: ['network'].");
        // without DHCP: its port counts against the project's ports, as in Neutron
        neutron.subnet(other, net, "10.0.0.0/24", "\"enable_dhcp\": false");
        assertThat(Neutron.error(neutron.post("/subnets", other, "{\"subnet\": {\"network_id\": \"" + net
                + "\", \"cidr\": \"10.0.1.0/24\", \"ip_version\": 4}}"), 409).get("message").asText())
                .isEqualTo("Quota exceeded for resources: ['subnet'].");
        neutron.port(other, net, "");
        assertThat(Neutron.error(neutron.post("/ports", other, "{\"port\": {\"network_id\": \"" + net + "\"}}"), 409)
                .get("message").asText()).isEqualTo("Quota exceeded for resources: ['port'].");
        JsonNode details = neutron.get("/quotas/" + project + "/details.json", other).json().get("quota");
        assertThat(details.get("network").toString()).isEqualTo("{\"used\":1,\"limit\":1,\"reserved\":0}");
        assertThat(details.get("port").get("used").asInt()).isEqualTo(1);
        neutron.put("/quotas/" + project, admin, "{\"quota\": {\"network\": -1}}");
        assertThat(neutron.post("/networks", other, "{\"network\": {}}").status()).as("-1 is unlimited").isEqualTo(201);
    }

    @Test
    void onlyAdminsChangeQuotasAndNobodyReadsAnothersProject() {
        String demo = cloud.demoToken();
        String demoProject = Neutron.projectOf(cloud, demo);
        assertThat(Neutron.error(neutron.put("/quotas/" + demoProject, demo, "{\"quota\": {\"network\": 1000}}"), 403)
                .get("message").asText()).isEqualTo("Only admin can view or configure quota");
        assertThat(Neutron.error(neutron.get("/quotas/" + Neutron.projectOf(cloud, admin), demo), 403)
                .get("message").asText()).isEqualTo("Non-admin is not authorized to access quotas for another project");
        assertThat(neutron.get("/quotas", demo).status()).isEqualTo(403);
        assertThat(neutron.get("/quotas/tenant", demo).json().at("/tenant/tenant_id").asText()).isEqualTo(demoProject);
        assertThat(Neutron.error(neutron.put("/quotas/" + demoProject, admin, "{\"quota\": {\"widget\": 5}}"), 400)
                .get("message").asText()).contains("Unrecognized quota resource 'widget'");
        assertThat(Neutron.error(neutron.put("/quotas/" + demoProject, admin, "{\"quota\": {\"network\": -2}}"), 400)
                .get("message").asText()).contains("must be at least '-1'");
        assertThat(Neutron.error(neutron.put("/quotas/" + demoProject, admin, "{\"quota\": {\"network\": \"many\"}}"), 400)
                .get("message").asText()).isEqualTo("Invalid input for network. Reason: 'many' is not an integer.");
    }
}
