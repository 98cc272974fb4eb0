package dev.kumo.server.compute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.server.TestCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComputeDiscoveryApiTest {
    static TestCloud cloud;
    static Nova nova;

    @BeforeAll
    static void start() {
        cloud = TestCloud.start();
        nova = new Nova(cloud);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void versionDocumentsNameTheMicroversionRange() {
        var root = cloud.send("GET", cloud.baseUrl() + "/compute", null, null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().at("/versions/1/id").asText()).isEqualTo("v2.1");
        assertThat(root.json().at("/versions/1/min_version").asText()).isEqualTo("2.1");
        assertThat(root.json().at("/versions/1/version").asText()).isEqualTo("2.79");
        var v21 = cloud.send("GET", cloud.baseUrl() + "/compute/v2.1", null, null);
        assertThat(v21.json().at("/version/links/0/href").asText()).endsWith("/compute/v2.1/");
    }

    @Test
    void negotiatedVersionIsEchoedWithVary() {
        var r = nova.get("/flavors", cloud.demoToken(), "OpenStack-API-Version", "compute 2.60");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("OpenStack-API-Version")).hasValue("compute 2.60");
        assertThat(r.headers().firstValue("X-OpenStack-Nova-API-Version")).hasValue("2.60");
        assertThat(r.headers().firstValue("Vary").orElse("")).contains("OpenStack-API-Version");
        var latest = nova.get("/flavors", cloud.demoToken(), "X-OpenStack-Nova-API-Version", "latest");
        assertThat(latest.headers().firstValue("X-OpenStack-Nova-API-Version")).hasValue("2.79");
        var none = nova.get("/flavors", cloud.demoToken());
        assertThat(none.headers().firstValue("OpenStack-API-Version")).hasValue("compute 2.1");
    }

    @Test
    void unsupportedVersionsAre406AndMalformedOnes400() {
        var tooNew = nova.get("/flavors", cloud.demoToken(), "OpenStack-API-Version", "compute 2.200");
        assertThat(tooNew.status()).isEqualTo(406);
        assertThat(tooNew.body()).contains("Version 2.200 is not supported by the API. Minimum is 2.1 and maximum is 2.79.");
        var bad = nova.get("/flavors", cloud.demoToken(), "OpenStack-API-Version", "compute two");
        Nova.fault(bad, 400, "badRequest");
    }

    @Test
    void catalogListsNovaAtV21() {
        var token = cloud.issue("admin", TestCloud.ADMIN_PASSWORD, "admin");
        var catalog = token.json().at("/token/catalog");
        boolean found = false;
        for (var entry : catalog) {
            if (entry.get("type").asText().equals("compute")) {
                found = true;
                assertThat(entry.get("name").asText()).isEqualTo("nova");
                assertThat(entry.at("/endpoints/0/url").asText()).endsWith("/compute/v2.1");
            }
        }
        assertThat(found).as("compute in the catalog: " + catalog).isTrue();
    }

    @Test
    void unknownPathsAndMissingTokensUseNovaAndKeystoneShapes() {
        Nova.fault(nova.get("/no-such-thing", cloud.demoToken()), 404, "itemNotFound");
        assertThat(nova.get("/servers", null).status()).isEqualTo(401);
    }

    @Test
    void hostsHypervisorsServicesAndZones() {
        String admin = cloud.adminToken();
        var hv = nova.get("/os-hypervisors/detail", admin);
        assertThat(hv.status()).as(hv.body()).isEqualTo(200);
        assertThat(hv.json().get("hypervisors")).hasSize(2);
        assertThat(hv.json().at("/hypervisors/0/state").asText()).isEqualTo("up");
        assertThat(hv.json().at("/hypervisors/0/memory_mb").asInt()).isEqualTo(16384);
        var services = nova.get("/os-services", admin).json().get("services");
        assertThat(services).hasSize(2);
        assertThat(services.get(0).get("binary").asText()).isEqualTo("nova-compute");
        assertThat(services.get(0).get("state").asText()).isEqualTo("up");
        assertThat(nova.get("/os-services?host=compute-2", admin).json().get("services")).hasSize(1);
        assertThat(nova.get("/os-services?binary=nova-scheduler", admin).json().get("services")).isEmpty();
        Nova.fault(nova.get("/os-hypervisors", cloud.demoToken()), 403, "forbidden");
        var zones = nova.get("/os-availability-zone", cloud.demoToken()).json();
        assertThat(zones.at("/availabilityZoneInfo/0/zoneName").asText()).isEqualTo("nova");
    }

    @Test
    void quotaSetsShowTheNamesOfTheRequestedMicroversion() {
        String project = cloud.issue("demo", TestCloud.DEMO_PASSWORD, "demo").json().at("/token/project/id").asText();
        var old = nova.get("/os-quota-sets/" + project, cloud.demoToken()).json().get("quota_set");
        assertThat(old.get("instances").asInt()).isEqualTo(10);
        assertThat(old.has("security_groups")).isTrue();
        assertThat(old.has("injected_files")).isTrue();
        var v257 = nova.get("/os-quota-sets/" + project, cloud.demoToken(), "OpenStack-API-Version", "compute 2.57")
                .json().get("quota_set");
        assertThat(v257.has("security_groups")).isFalse();
        assertThat(v257.has("injected_files")).isFalse();
        Nova.fault(nova.put("/os-quota-sets/" + project, cloud.demoToken(), "{\"quota_set\": {\"instances\": 1}}"),
                403, "forbidden");
        var updated = nova.put("/os-quota-sets/" + project, cloud.adminToken(), "{\"quota_set\": {\"key_pairs\": 7}}");
        assertThat(updated.json().at("/quota_set/key_pairs").asInt()).isEqualTo(7);
    }

    @Test
    void zeroLimitListsNothingAndNegativeLimitIs400() {
        assertThat(nova.get("/servers?limit=0", cloud.demoToken()).json().get("servers")).isEmpty();
        Nova.fault(nova.get("/servers?limit=-3", cloud.demoToken()), 400, "badRequest");
    }
}
