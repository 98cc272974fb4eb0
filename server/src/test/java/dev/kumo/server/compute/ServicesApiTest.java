package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** os-services: enable/disable/force-down by host before 2.53, by UUID from 2.53. */
class ServicesApiTest {
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

    private static TestCloud.Response put(String path, String version, String body) {
        return cloud.send("PUT", nova.url(path), admin, body, "OpenStack-API-Version", "compute " + version);
    }

    private static JsonNode service(String version, String host) {
        return nova.get("/os-services?host=" + host, admin, "OpenStack-API-Version", "compute " + version)
                .json().at("/services/0");
    }

    @Test
    void disableWithAReasonThenEnableByHost() {
        String host = nova.get("/os-services", admin).json().at("/services/0/host").asText();
        var disabled = put("/os-services/disable-log-reason", "2.1",
                "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\", \"disabled_reason\": \"maintenance\"}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().at("/service/status").asText()).isEqualTo("disabled");
        assertThat(service("2.1", host).get("disabled_reason").asText()).isEqualTo("maintenance");
        var enabled = put("/os-services/enable", "2.1", "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\"}");
        assertThat(enabled.json().at("/service/status").asText()).isEqualTo("enabled");
        assertThat(service("2.1", host).get("disabled_reason").isNull()).isTrue();
        Nova.fault(put("/os-services/disable-log-reason", "2.1", "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\"}"),
                400, "badRequest");
        Nova.fault(put("/os-services/enable", "2.1", "{\"host\": \"nowhere\", \"binary\": \"nova-compute\"}"), 404, "itemNotFound");
        Nova.fault(put("/os-services/frobnicate", "2.1", "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\"}"),
                404, "itemNotFound");
    }

    @Test
    void forcedDownServicesAreDownUntilForcedUp() {
        String host = nova.get("/os-services", admin).json().at("/services/0/host").asText();
        var down = put("/os-services/force-down", "2.11",
                "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\", \"forced_down\": true}");
        assertThat(down.status()).as(down.body()).isEqualTo(200);
        assertThat(down.json().at("/service/forced_down").asBoolean()).isTrue();
        assertThat(service("2.11", host).get("state").asText()).isEqualTo("down");
        put("/os-services/force-down", "2.11", "{\"host\": \"" + host + "\", \"binary\": \"nova-compute\", \"forced_down\": false}");
        assertThat(service("2.11", host).get("state").asText()).isEqualTo("up");
        assertThat(service("2.11", host).get("forced_down").asBoolean()).isFalse();
    }

    @Test
    void from253ServicesHaveUuidsAndAreUpdatedByThem() {
        JsonNode s = nova.get("/os-services", admin, "OpenStack-API-Version", "compute 2.53").json().at("/services/0");
        String id = s.get("id").asText();
        assertThat(id).hasSize(36);
        var r = put("/os-services/" + id, "2.53", "{\"status\": \"disabled\", \"disabled_reason\": \"test\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().at("/service/id").asText()).isEqualTo(id);
        assertThat(r.json().at("/service/status").asText()).isEqualTo("disabled");
        assertThat(r.json().at("/service/disabled_reason").asText()).isEqualTo("test");
        assertThat(put("/os-services/" + id, "2.53", "{\"status\": \"enabled\"}").json().at("/service/status").asText())
                .isEqualTo("enabled");
        Nova.fault(put("/os-services/" + id, "2.53", "{\"status\": \"enabled\", \"disabled_reason\": \"x\"}"), 400, "badRequest");
        Nova.fault(put("/os-services/" + id, "2.53", "{}"), 400, "badRequest");
        Nova.fault(put("/os-services/1", "2.53", "{\"status\": \"enabled\"}"), 400, "badRequest");
    }
}
