package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The deprecated os-hosts API as tempest's host tests use it (up to 2.42). */
class OsHostsApiTest {
    static TestCloud cloud;
    static Nova nova;
    static String admin;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
        admin = cloud.adminToken();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void hostsAreListedByZoneAndShowTheirResources() {
        JsonNode hosts = nova.get("/os-hosts", admin).json().get("hosts");
        assertThat(hosts).isNotEmpty();
        JsonNode first = hosts.get(0);
        assertThat(first.get("service").asText()).isEqualTo("compute");
        assertThat(nova.get("/os-hosts?zone=" + first.get("zone").asText(), admin).json().get("hosts")).contains(first);
        assertThat(nova.get("/os-hosts?zone=xxx", admin).json().get("hosts")).isEmpty();
        assertThat(nova.get("/os-hosts?zone=", admin).json().get("hosts")).hasSameSizeAs(hosts);
        JsonNode resources = nova.get("/os-hosts/" + first.get("host_name").asText(), admin).json().get("host");
        assertThat(resources.at("/0/resource/host").asText()).isEqualTo(first.get("host_name").asText());
        assertThat(resources.at("/0/resource/project").asText()).isEqualTo("(total)");
        assertThat(resources.at("/0/resource/cpu").asInt()).isPositive();
        Nova.fault(nova.get("/os-hosts/nonexistent_hostname", admin), 404, "itemNotFound");
        Nova.fault(nova.get("/os-hosts", cloud.demoToken()), 403, "forbidden");
        Nova.fault(nova.get("/os-hosts", admin, "OpenStack-API-Version", "compute 2.43"), 404, "itemNotFound");
    }

    @Test
    void updatesCheckTheirSwitchesAndPowerActionsAreNotImplemented() {
        String host = nova.get("/os-hosts", admin).json().at("/hosts/0/host_name").asText();
        var disabled = nova.put("/os-hosts/" + host, admin, "{\"status\": \"disable\"}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("status").asText()).isEqualTo("disabled");
        assertThat(nova.put("/os-hosts/" + host, admin, "{\"status\": \"enable\"}").json().get("status").asText())
                .isEqualTo("enabled");
        Nova.fault(nova.put("/os-hosts/" + host, admin, "{\"status\": \"invalid\"}"), 400, "badRequest");
        Nova.fault(nova.put("/os-hosts/" + host, admin, "{\"status\": \"enable\", \"maintenance_mode\": \"x\"}"), 400, "badRequest");
        Nova.fault(nova.put("/os-hosts/" + host, admin, "{}"), 400, "badRequest");
        Nova.fault(nova.put("/os-hosts/nonexistent_hostname", admin, "{\"status\": \"enable\"}"), 404, "itemNotFound");
        Nova.fault(nova.put("/os-hosts/" + host, cloud.demoToken(), "{\"status\": \"enable\"}"), 403, "forbidden");
        Nova.fault(nova.get("/os-hosts/" + host + "/reboot", admin), 501, "notImplemented");
        Nova.fault(nova.get("/os-hosts/nonexistent_hostname/startup", admin), 404, "itemNotFound");
    }

    @Test
    void aggregatesAreAnEmptyListForAdmins() {
        assertThat(nova.get("/os-aggregates", admin).json().get("aggregates")).isEmpty();
        Nova.fault(nova.get("/os-aggregates", cloud.demoToken()), 403, "forbidden");
    }
}
