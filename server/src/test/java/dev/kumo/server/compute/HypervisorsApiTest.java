package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** os-hypervisors across the microversions tempest checks: 2.1, 2.28 (cpu_info object), 2.33, 2.53 (UUIDs). */
class HypervisorsApiTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
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

    private static JsonNode get(String path, String version) {
        var r = nova.get(path, admin, "OpenStack-API-Version", "compute " + version);
        assertThat(r.status()).as(path + " at " + version + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void showUptimeAndStatisticsUseTheListsIntegerIdsBefore253() {
        JsonNode first = get("/os-hypervisors", "2.1").at("/hypervisors/0");
        assertThat(first.get("id").isInt()).isTrue();
        JsonNode shown = get("/os-hypervisors/" + first.get("id").asInt(), "2.1").get("hypervisor");
        assertThat(shown.get("hypervisor_hostname").asText()).isEqualTo(first.get("hypervisor_hostname").asText());
        assertThat(shown.get("cpu_info").isTextual()).as("a JSON string before 2.28").isTrue();
        assertThat(shown.get("host_ip").asText()).isEqualTo("127.0.0.1");
        assertThat(shown.at("/service/host").asText()).isEqualTo(first.get("hypervisor_hostname").asText());
        assertThat(get("/os-hypervisors/" + first.get("id").asInt() + "/uptime", "2.1").at("/hypervisor/uptime").asText())
                .contains(" up ").contains("load average");
        JsonNode stats = get("/os-hypervisors/statistics", "2.1").get("hypervisor_statistics");
        assertThat(stats.get("count").asInt()).isEqualTo(get("/os-hypervisors", "2.1").get("hypervisors").size());
        assertThat(stats.get("vcpus").asInt()).isPositive();
        Nova.fault(nova.get("/os-hypervisors/999", admin), 404, "itemNotFound");
        Nova.fault(nova.get("/os-hypervisors", cloud.demoToken()), 403, "forbidden");
    }

    @Test
    void searchAndServersMatchHostNamesBefore253AndAreGoneAfter() {
        String host = get("/os-hypervisors", "2.52").at("/hypervisors/0/hypervisor_hostname").asText();
        assertThat(get("/os-hypervisors/" + host + "/search", "2.52").get("hypervisors")).hasSize(1);
        assertThat(get("/os-hypervisors/" + host + "/servers", "2.52").at("/hypervisors/0/hypervisor_hostname").asText())
                .isEqualTo(host);
        Nova.fault(nova.get("/os-hypervisors/no-such-host/search", admin), 404, "itemNotFound");
        Nova.fault(nova.get("/os-hypervisors/" + host + "/search", admin, "OpenStack-API-Version", "compute 2.53"),
                404, "itemNotFound");
    }

    @Test
    void cpuInfoIsAnObjectFrom228AndIdsAreUuidsFrom253() {
        assertThat(get("/os-hypervisors/detail", "2.28").at("/hypervisors/0/cpu_info").isObject()).isTrue();
        JsonNode listed = get("/os-hypervisors/detail?with_servers=true", "2.53").at("/hypervisors/0");
        assertThat(listed.get("id").asText()).matches(UUID);
        assertThat(listed.at("/service/id").asText()).matches(UUID);
        JsonNode shown = get("/os-hypervisors/" + listed.get("id").asText() + "?with_servers=1", "2.53").get("hypervisor");
        assertThat(shown.get("hypervisor_hostname").asText()).isEqualTo(listed.get("hypervisor_hostname").asText());
        Nova.fault(nova.get("/os-hypervisors/1", admin, "OpenStack-API-Version", "compute 2.53"), 400, "badRequest");
        String host = listed.get("hypervisor_hostname").asText();
        assertThat(get("/os-hypervisors?hypervisor_hostname_pattern=" + host, "2.53").get("hypervisors")).hasSize(1);
    }

    @Test
    void pagesFrom233WithALinkToTheNextPage() {
        JsonNode all = get("/os-hypervisors", "2.33").get("hypervisors");
        JsonNode page = get("/os-hypervisors?limit=1", "2.33");
        assertThat(page.get("hypervisors")).hasSize(1);
        if (all.size() > 1) {
            assertThat(page.at("/hypervisors_links/0/href").asText()).contains("marker=" + all.get(0).get("id").asText());
            String next = "/os-hypervisors?limit=1&marker=" + all.get(0).get("id").asText();
            assertThat(get(next, "2.33").at("/hypervisors/0/id").asText()).isEqualTo(all.get(1).get("id").asText());
        }
    }
}
